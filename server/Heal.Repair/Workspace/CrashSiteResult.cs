using System.Collections.Immutable;
using Heal.Core.Model;
using Heal.Repair.Rules;

namespace Heal.Repair.Workspace;

/// <summary>A crash site, or why none could be built (then <see cref="DeclineReason"/> says so plainly).</summary>
/// <param name="Linked">The in-app frames that linked to the workspace, Sentry order (outermost first).</param>
public sealed record CrashSiteResult(CrashSite? Site, ImmutableArray<LinkedFrame> Linked, string? DeclineReason)
{
    public static CrashSiteResult Declined(string reason, ImmutableArray<LinkedFrame> linked = default) =>
        new(null, linked.IsDefault ? ImmutableArray<LinkedFrame>.Empty : linked, reason);
}
