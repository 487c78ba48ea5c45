using System.ClientModel;
using System.Globalization;
using Heal.Core.Model;
using Heal.Repair.Context;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Heal.Repair.Llm;

/// <summary>
/// Asks a model for a root cause and a patch, then checks the reply (<see cref="ReplyChecker"/>). The model is
/// an untrusted advisor: its reply becomes a <see cref="Diagnosis"/> only when the patch stays within the
/// stack trace's files and applies. Timeouts, HTTP errors and bad replies decline; only the caller's own
/// cancellation throws.
/// </summary>
public sealed class LlmDiagnoser : IDiagnoser, IDisposable
{
    private readonly IChatClient _chatClient;
    private readonly LlmOptions _options;
    private readonly IContextBuilder _contextBuilder;
    private readonly ILogger _logger;
    private readonly HttpClient? _ownedHttpClient;

    public LlmDiagnoser(IChatClient chatClient, LlmOptions options, IContextBuilder contextBuilder, ILogger? logger = null)
        : this(chatClient, options, contextBuilder, logger, ownedHttpClient: null)
    {
    }

    private LlmDiagnoser(IChatClient chatClient, LlmOptions options, IContextBuilder contextBuilder, ILogger? logger, HttpClient? ownedHttpClient)
    {
        _chatClient = chatClient;
        _options = options;
        _contextBuilder = contextBuilder;
        _logger = logger ?? NullLogger.Instance;
        _ownedHttpClient = ownedHttpClient;
    }

    public string Name => _options.DiagnoserName;

    /// <summary>Provider, model, endpoint and timeout for the user (never the key), e.g. for <c>DiagnoserChoice.Why</c>.</summary>
    public string Description => _options.ToString();

    /// <summary>
    /// The CLI's seam: the LLM diagnoser when <c>HEAL_LLM_*</c> configures one, else null with the reason
    /// (e.g. "no LLM is configured …"). The caller decides about <c>--offline</c> before calling.
    /// </summary>
    public static LlmDiagnoser? TryCreateFromEnvironment(IContextBuilder contextBuilder, out string? reason, ILogger? logger = null) =>
        TryCreate(contextBuilder, Environment.GetEnvironmentVariable, out reason, logger);

    /// <summary>As <see cref="TryCreateFromEnvironment"/>, reading variables through <paramref name="getVariable"/>.</summary>
    public static LlmDiagnoser? TryCreate(IContextBuilder contextBuilder, Func<string, string?> getVariable, out string? reason, ILogger? logger = null, HttpClient? httpClient = null)
    {
        var options = LlmOptions.FromEnvironment(getVariable, out reason);
        if (options is null)
        {
            return null;
        }

        // The SDK clients do not dispose an HttpClient they are given; the diagnoser does when it made it.
        var owned = httpClient is null ? new HttpClient() : null;
        return new LlmDiagnoser(ChatClientFactory.Create(options, httpClient ?? owned), options, contextBuilder, logger, owned);
    }

    public async Task<Diagnosis> DiagnoseAsync(RepairRequest request, CancellationToken cancellationToken)
    {
        RepairContext? context;
        try
        {
            context = await _contextBuilder.BuildAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Diagnosis.Declined(Name, $"could not gather the crash's context: {e.Message}");
        }

        if (context is null)
        {
            return Diagnosis.Declined(Name, "no in-app frame of the event links to a file of the repository, so there is nothing to patch");
        }

        var nonce = LlmPrompt.NewNonce();
        var messages = LlmPrompt.Build(context, request, nonce);
        var chatOptions = new ChatOptions
        {
            ModelId = _options.Model,
            ResponseFormat = ChatResponseFormat.Json,
            Temperature = 0,
        };

        _logger.LogInformation("Asking {Model} for a diagnosis of event {EventId}", _options, context.Event.Id);
        string text;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            var response = _options.Stream
                ? await _chatClient.GetStreamingResponseAsync(messages, chatOptions, timeout.Token).ToChatResponseAsync(timeout.Token).ConfigureAwait(false)
                : await _chatClient.GetResponseAsync(messages, chatOptions, timeout.Token).ConfigureAwait(false);
            if (Refusal(response) is { } refusal)
            {
                _logger.LogInformation("{Model} refused: {Refusal}", _options, refusal);
                return Diagnosis.Declined(Name, $"the model refused: {refusal}");
            }

            text = response.Text;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var seconds = _options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            _logger.LogWarning("{Model} did not answer within {Seconds} s", _options, seconds);
            return Diagnosis.Declined(Name, $"the model did not answer within {seconds} s ({LlmOptions.ProviderName(_options.Provider)} at {_options.Endpoint})");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var message = _options.Redact(Describe(e));
            _logger.LogWarning("{Model} request failed: {Error}", _options, message);
            return Diagnosis.Declined(Name, $"the LLM request failed ({LlmOptions.ProviderName(_options.Provider)} at {_options.Endpoint}): {message}");
        }

        var reply = LlmReply.Parse(text, out var error);
        if (reply is null)
        {
            _logger.LogInformation("{Model} replied with something that is not JSON: {Error}", _options, error);
            return Diagnosis.Declined(Name, $"the model's reply was not valid JSON: {error}");
        }

        var diagnosis = ReplyChecker.Check(reply, context, request.RepositoryRoot, Name);
        _logger.LogInformation("{Model}: {Status} {Reason}", _options, diagnosis.Status, diagnosis.DeclineReason ?? string.Join(", ", diagnosis.Files));
        return diagnosis;
    }

    public void Dispose()
    {
        _chatClient.Dispose();
        _ownedHttpClient?.Dispose();
    }

    private static string? Refusal(ChatResponse response)
    {
        // OpenAI's chat completions carry a refusal in its own field, not in the content.
        if (response.RawRepresentation is OpenAI.Chat.ChatCompletion { Refusal: { Length: > 0 } refusal })
        {
            return refusal;
        }

        if (response.FinishReason == ChatFinishReason.ContentFilter)
        {
            return "the provider's content filter stopped the reply";
        }

        return null;
    }

    private static string Describe(Exception e) => e switch
    {
        // The SDK's message already starts with "HTTP 401 (type: code)" and carries the server's explanation.
        ClientResultException { Status: > 0 } c => OneLine(c.Message),
        HttpRequestException { StatusCode: { } status } h => $"HTTP {(int)status}: {FirstLine(h.Message)}",
        HttpRequestException h => FirstLine(h.InnerException?.Message ?? h.Message),
        _ => $"{e.GetType().Name}: {FirstLine(e.Message)}",
    };

    private static string FirstLine(string message) =>
        Shorten(message.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "");

    private static string OneLine(string message) =>
        Shorten(string.Join(" ", message.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));

    private static string Shorten(string line) => line.Length <= 300 ? line : line[..300] + "…";
}
