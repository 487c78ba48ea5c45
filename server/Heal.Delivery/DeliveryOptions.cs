using System.Collections.Immutable;

namespace Heal.Delivery;

/// <summary>How far to deliver. With nothing set, the patch is committed on a local <c>heal/…</c> branch only.</summary>
/// <param name="PushRemote">A remote name or URL/path to push the branch to; null keeps it local.</param>
/// <param name="PullRequest">Where to open the pull request; requires <see cref="PushRemote"/>.</param>
/// <param name="DryRun">Do everything but push and open the pull request; write the body to <see cref="BodyFile"/>.</param>
/// <param name="BodyFile">Where to write the pull-request body (always written in a dry run).</param>
/// <param name="WorkRoot">Heal's folder for the temporary index file and a dry run's default body file; when null, <c>heal</c> inside the
/// repository's git folder (the user's own, never a shared temporary folder another user could prepare).</param>
public sealed record DeliveryOptions(
    string? PushRemote = null,
    PullRequestTarget? PullRequest = null,
    AutoMergePolicy? AutoMerge = null,
    bool StrictScope = true,
    bool DryRun = false,
    string? BodyFile = null,
    ImmutableArray<string> Labels = default,
    string? WorkRoot = null)
{
    public ImmutableArray<string> EffectiveLabels => Labels.IsDefaultOrEmpty ? ["heal", "automated-fix"] : Labels;

    public AutoMergePolicy EffectiveAutoMerge => AutoMerge ?? AutoMergePolicy.Off;
}
