using Heal.Delivery;
using Heal.LanguageServer.Errors;
using Heal.LanguageServer.Protocol;
using Heal.Pipeline;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace Heal.LanguageServer.Handlers.Heal;

/// <summary>
/// <c>heal/openPullRequest</c>: diagnoses and validates the group again (stateless: nothing from an earlier heal/heal is
/// trusted), then pushes a <c>heal/…</c> branch and opens a pull request, in the background with <c>$/progress</c>. Only a
/// validated patch is delivered; anything else is a RequestFailed error saying why.
/// </summary>
public sealed class OpenPullRequestHandler(ServerSession session, HealRunner runner) : IHandler<HealOpenPullRequestParams, HealOpenPullRequestResult>
{
    /// <summary>LSP's RequestFailed: the request was valid but the server could not do it.</summary>
    public const int RequestFailed = -32803;

    public RequestKind Kind => RequestKind.Background;

    public async Task<HealOpenPullRequestResult> HandleAsync(HealOpenPullRequestParams request, CancellationToken cancellationToken)
    {
        var host = new CodeHostOptions(request.CodeHostUrl, request.Repository, request.Remote, request.Base).Over(session.CodeHost);
        if (host.Repository is not { } repository || repository.Split('/') is not [{ Length: > 0 }, { Length: > 0 }])
        {
            throw Error((int)JsonRpcErrorCode.InvalidParams, "heal/openPullRequest: no repository to open the pull request on; pass repository (owner/name) or set initializationOptions.codeHost.repository");
        }

        if (!Uri.TryCreate(host.Url ?? CodeHostOptions.DefaultUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            throw Error((int)JsonRpcErrorCode.InvalidParams, $"heal/openPullRequest: the code host URL '{host.Url}' is not an absolute http(s) URL");
        }

        await session.Loaded.WaitAsync(cancellationToken);
        var entry = session.Snapshot.Find(request.GroupId);
        if (entry?.Latest is null || session.Workspace is null)
        {
            throw Error((int)JsonRpcErrorCode.InvalidParams, $"heal/openPullRequest: no error group '{request.GroupId}' with an event");
        }

        HealResult result;
        await using (var progress = await WorkDoneProgress.StartAsync(session, request.WorkDoneToken, "Heal: opening a pull request", cancellationToken))
        {
            try
            {
                result = await runner.DeliverAsync(session.Workspace, entry, new PullRequestTarget(url, repository, host.Base), host.Remote ?? CodeHostOptions.DefaultRemote, progress, cancellationToken);
            }
            catch (DeliveryException e)
            {
                throw Error(RequestFailed, "heal/openPullRequest: delivery failed: " + e.Message);
            }
            catch (HealPreconditionException e)
            {
                throw Error(RequestFailed, "heal/openPullRequest: " + e.Message);
            }
        }

        if (result.Status != HealStatus.Validated)
        {
            throw Error(RequestFailed, $"heal/openPullRequest: nothing delivered, the patch was {result.Status.ToString().ToLowerInvariant()}: {result.Message}");
        }

        if (result.Delivery?.PullRequest is not { } pullRequest)
        {
            throw Error(RequestFailed, $"heal/openPullRequest: the patch was validated but no pull request was opened: {result.Message}");
        }

        return new HealOpenPullRequestResult(pullRequest.Number, pullRequest.Url, result.Delivery.Branch, result.Validation?.Confidence ?? 0);
    }

    private static LocalRpcException Error(int code, string message) => new(message) { ErrorCode = code };
}
