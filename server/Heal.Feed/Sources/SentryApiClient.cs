using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Heal.Feed.Sources;

/// <summary>
/// GET requests to a Sentry-style Web API with the bearer token, honouring its rate limits: a <c>429</c> is retried after
/// its <c>Retry-After</c> (bounded by <see cref="SentryApiOptions.MaxRateLimitWait"/>, cancellable), and when
/// <c>X-Sentry-Rate-Limit-Remaining</c> reaches 0 the next request waits for <c>X-Sentry-Rate-Limit-Reset</c>.
/// </summary>
internal sealed class SentryApiClient
{
    private const int MaxDetailLength = 300;

    private readonly HttpClient _http;
    private readonly SentryApiOptions _options;
    private readonly TimeProvider _time;
    private readonly Uri _apiRoot;
    private readonly Lock _windowLock = new();
    private DateTimeOffset _windowOpensAt = DateTimeOffset.MinValue;

    public SentryApiClient(HttpClient http, SentryApiOptions options, TimeProvider time)
    {
        _http = http;
        _options = options;
        _time = time;
        var root = options.BaseUrl.AbsoluteUri;
        _apiRoot = new Uri(root.EndsWith('/') ? root : root + "/");
    }

    /// <summary>The body of a successful GET of <paramref name="relativeUrl"/> (relative to the base URL), and its <c>Link</c> header.</summary>
    public async Task<(byte[] Body, string? Link)> GetAsync(string relativeUrl, CancellationToken cancellationToken)
    {
        var uri = new Uri(_apiRoot, relativeUrl);
        for (var attempt = 0; ; attempt++)
        {
            await WaitForWindowAsync(cancellationToken).ConfigureAwait(false);
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.Token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            RememberWindow(response);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var wait = RetryAfter(response) ?? TimeSpan.FromSeconds(1 << Math.Min(attempt, 5));
                if (attempt >= _options.MaxRetries)
                {
                    throw new SentryApiException($"GET {uri.AbsolutePath} is still rate limited (429) after {attempt} retries.", 429);
                }

                if (wait > _options.MaxRateLimitWait)
                {
                    throw new SentryApiException(
                        $"GET {uri.AbsolutePath} is rate limited (429): the backend asks to wait {wait.TotalSeconds:0} s, more than the {_options.MaxRateLimitWait.TotalSeconds:0} s allowed.", 429);
                }

                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                throw new SentryApiException($"GET {uri.AbsolutePath} answered {status} {response.ReasonPhrase}: {Detail(body).Replace(_options.Token, "[token]", StringComparison.Ordinal)}", status);
            }

            var link = response.Headers.TryGetValues("Link", out var links) ? string.Join(", ", links) : null;
            return (body, link);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            // Reading the whole body here lets the client enforce its MaxResponseContentBufferSize.
            return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new SentryApiException($"GET {request.RequestUri?.AbsolutePath} on {_apiRoot.GetLeftPart(UriPartial.Authority)} failed: {e.Message}", null, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SentryApiException($"GET {request.RequestUri?.AbsolutePath} timed out.", null, e);
        }
    }

    /// <summary>
    /// Waits for the rate-limit window announced by the last response. A window further away than the allowed wait is not
    /// waited for (the clocks may disagree); the request goes out and a real limit comes back as a <c>429</c>.
    /// </summary>
    private async Task WaitForWindowAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset opensAt;
        lock (_windowLock)
        {
            opensAt = _windowOpensAt;
        }

        var wait = opensAt - _time.GetUtcNow();
        if (wait > TimeSpan.Zero && wait <= _options.MaxRateLimitWait)
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private void RememberWindow(HttpResponseMessage response)
    {
        if (Header(response, "X-Sentry-Rate-Limit-Remaining") is not { } remainingText
            || !long.TryParse(remainingText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining))
        {
            return;
        }

        var opensAt = DateTimeOffset.MinValue;
        if (remaining <= 0 && Header(response, "X-Sentry-Rate-Limit-Reset") is { } resetText
            && double.TryParse(resetText, NumberStyles.Float, CultureInfo.InvariantCulture, out var reset) && reset is > 0 and < 1e11)
        {
            opensAt = DateTimeOffset.FromUnixTimeMilliseconds((long)(reset * 1000));
        }

        lock (_windowLock)
        {
            _windowOpensAt = opensAt;
        }
    }

    /// <summary><c>Retry-After</c> as seconds or as an HTTP date; null when absent or unreadable.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        // Some proxies send fractional seconds, which the typed header refuses.
        if (Header(response, "Retry-After") is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, TimeSpan.MaxValue.TotalSeconds / 2));
        }

        return null;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    /// <summary>The backend's explanation (Sentry answers <c>{"detail": "…"}</c>), shortened and stripped of control characters.</summary>
    private static string Detail(byte[] body)
    {
        string text;
        try
        {
            using var document = JsonDocument.Parse(body);
            text = document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String
                ? detail.GetString() ?? ""
                : document.RootElement.GetRawText();
        }
        catch (JsonException)
        {
            text = Encoding.UTF8.GetString(body);
        }

        var clean = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        if (clean.Length == 0)
        {
            return "(no explanation in the response)";
        }

        return clean.Length > MaxDetailLength ? clean[..MaxDetailLength] + "…" : clean;
    }
}
