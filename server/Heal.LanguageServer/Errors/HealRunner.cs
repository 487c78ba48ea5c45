using Heal.Core.Model;
using Heal.Delivery;
using Heal.Pipeline;
using Heal.Validation;

namespace Heal.LanguageServer.Errors;

/// <summary>
/// Runs the workspace's <see cref="HealPipeline"/> for one group: validation in a worktree and no delivery (the editor
/// previews the patch first), or, for a pull request, the whole loop again. The pipeline and its Roslyn workspaces come
/// from <see cref="HealWorkspace.Pipeline"/>, so they stay warm between requests.
/// </summary>
public sealed class HealRunner
{
    public Task<HealResult> RunAsync(HealWorkspace workspace, ErrorEntry entry, IProgress<HealProgress> progress, CancellationToken cancellationToken)
    {
        var request = new HealRequest(workspace.Root, entry.Latest!, entry.Group, Origin(workspace), ValidationPolicy.Default, new DeliveryOptions(), Deliver: false);
        return workspace.Pipeline.RunAsync(request, progress, cancellationToken);
    }

    /// <summary>
    /// Diagnoses and validates again (nothing from an earlier run is trusted), then delivers: a <c>heal/…</c> branch pushed to
    /// <paramref name="remote"/> and a pull request on <paramref name="target"/>. The pipeline delivers only a validated
    /// patch; auto-merge stays off.
    /// </summary>
    public Task<HealResult> DeliverAsync(HealWorkspace workspace, ErrorEntry entry, PullRequestTarget target, string remote, IProgress<HealProgress> progress, CancellationToken cancellationToken)
    {
        var request = new HealRequest(workspace.Root, entry.Latest!, entry.Group, Origin(workspace), ValidationPolicy.Default,
            new DeliveryOptions(PushRemote: remote, PullRequest: target, AutoMerge: AutoMergePolicy.Off), Deliver: true);
        return workspace.Pipeline.RunAsync(request, progress, cancellationToken);
    }

    private static EventOrigin Origin(HealWorkspace workspace) => new(workspace.Source?.Name ?? workspace.Description, Authenticated: false);
}
