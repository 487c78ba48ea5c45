using System;
using System.Threading;
using System.Threading.Tasks;

namespace Heal.VisualStudio.Core.Protocol;

/// <summary>The heal/* requests, typed. Progress of heal/heal and heal/openPullRequest arrives through <see cref="HealProgressRouter"/>.</summary>
public sealed class HealRequests(IHealRpc rpc, HealProgressRouter progress)
{
    public HealProgressRouter Progress => progress;

    /// <summary>Diagnoses and validates; the server never writes a file. <paramref name="onProgress"/> gets each progress message.</summary>
    public async Task<HealResult> HealAsync(GroupParams group, string? uri, IProgress<string>? onProgress, CancellationToken cancellationToken)
    {
        using var token = progress.Register(onProgress);
        var parameters = new HealParams { GroupId = group.GroupId, Uri = uri, WorkDoneToken = token.Value };
        return await rpc.RequestAsync<HealResult>(HealMethods.Heal, parameters, cancellationToken).ConfigureAwait(false)
            ?? throw new HealRequestException(HealRequestException.RequestFailed, "heal/heal: the server returned no result");
    }

    /// <summary>Re-validates and delivers (stateless); a refusal is a <see cref="HealRequestException"/> with the reason.</summary>
    public async Task<OpenPullRequestResult> OpenPullRequestAsync(OpenPullRequestParams parameters, IProgress<string>? onProgress, CancellationToken cancellationToken)
    {
        using var token = progress.Register(onProgress);
        parameters.WorkDoneToken = token.Value;
        return await rpc.RequestAsync<OpenPullRequestResult>(HealMethods.OpenPullRequest, parameters, cancellationToken).ConfigureAwait(false)
            ?? throw new HealRequestException(HealRequestException.RequestFailed, "heal/openPullRequest: the server returned no result");
    }

    public async Task<MuteResult> MuteAsync(string groupId, CancellationToken cancellationToken) =>
        await rpc.RequestAsync<MuteResult>(HealMethods.Mute, new GroupParams { GroupId = groupId }, cancellationToken).ConfigureAwait(false) ?? new MuteResult();

    public async Task<ErrorDetailsResult?> ErrorDetailsAsync(string groupId, CancellationToken cancellationToken) =>
        await rpc.RequestAsync<ErrorDetailsResult>(HealMethods.ErrorDetails, new GroupParams { GroupId = groupId }, cancellationToken).ConfigureAwait(false);

    public async Task<ListErrorsResult> ListErrorsAsync(CancellationToken cancellationToken) =>
        await rpc.RequestAsync<ListErrorsResult>(HealMethods.ListErrors, null, cancellationToken).ConfigureAwait(false) ?? new ListErrorsResult();
}
