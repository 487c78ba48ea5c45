using Heal.Core.Model;
using Heal.Delivery;
using Heal.Delivery.Git;
using Heal.Delivery.GitHub;
using Heal.Pipeline;
using Heal.Repair.Engine;
using Heal.Repair.Workspace;
using Heal.Validation;

namespace Heal.LanguageServer.Errors;

/// <summary>
/// Runs <see cref="HealPipeline"/> for one group of the workspace: the offline rules, or the LLM when the server's
/// environment configures one (<c>HEAL_LLM_PROVIDER</c>, as for <c>heal fix</c>); validation in a worktree, no delivery
/// (the editor previews the patch first). A model's patch is built and tested only in the sandbox; without one it comes
/// back <c>unverified</c>, unbuilt, for the user to review. Built once per workspace so Roslyn workspaces are reused.
/// </summary>
public sealed class HealRunner
{
    private readonly HealPipeline _pipeline;

    public HealRunner()
    {
        var credentials = GitCredentials.FromEnvironment(Environment.GetEnvironmentVariable);
        var choice = DiagnoserFactory.Create(offline: false, Environment.GetEnvironmentVariable, new WorkspaceProvider());
        _pipeline = new HealPipeline(choice.Diagnoser, new PatchValidator(), new DeliveryService(t => new GitHubCodeHost(t.Url, credentials), credentials));
    }

    public Task<HealResult> RunAsync(HealWorkspace workspace, ErrorEntry entry, IProgress<HealProgress> progress, CancellationToken cancellationToken)
    {
        var request = new HealRequest(workspace.Root, entry.Latest!, entry.Group, Origin(workspace), ValidationPolicy.Default, new DeliveryOptions(), Deliver: false);
        return _pipeline.RunAsync(request, progress, cancellationToken);
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
        return _pipeline.RunAsync(request, progress, cancellationToken);
    }

    private static EventOrigin Origin(HealWorkspace workspace) => new(workspace.Source?.Name ?? workspace.Description, Authenticated: false);
}
