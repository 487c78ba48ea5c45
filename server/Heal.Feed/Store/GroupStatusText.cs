using Heal.Core.Model;

namespace Heal.Feed.Store;

/// <summary>How every store writes a group's status: <c>open</c>, <c>muted</c>, <c>resolved</c>, <c>regressed</c>.</summary>
public static class GroupStatusText
{
    public static string From(GroupStatus status) => status switch
    {
        GroupStatus.Open => "open",
        GroupStatus.Muted => "muted",
        GroupStatus.Resolved => "resolved",
        GroupStatus.Regressed => "regressed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static GroupStatus Parse(string text) => text switch
    {
        "muted" => GroupStatus.Muted,
        "resolved" => GroupStatus.Resolved,
        "regressed" => GroupStatus.Regressed,
        _ => GroupStatus.Open,
    };
}
