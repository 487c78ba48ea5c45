using System.Globalization;
using Heal.Core.Model;
using Heal.Feed.Store;

namespace Heal.Feed.ReadApi;

/// <summary>
/// The issue list's query string as Sentry's Web API takes it: <c>query</c> (only <c>is:</c> terms: unresolved, resolved,
/// ignored, muted, regressed; Sentry's default <c>is:unresolved</c> when absent), <c>limit</c> (1 to 100, default 100),
/// <c>cursor</c> (from a previous <c>Link</c> header), and <c>sort</c> (only <c>date</c>, the default). Anything else
/// Sentry's list takes (statsPeriod, shortIdLookup, …) is ignored.
/// </summary>
/// <param name="Statuses">The statuses to list; empty for all.</param>
public sealed record IssueQuery(IReadOnlyCollection<GroupStatus> Statuses, int Limit, GroupPageCursor? After, string QueryText)
{
    public const int MaxLimit = 100;

    private static readonly GroupStatus[] s_all = [GroupStatus.Open, GroupStatus.Regressed, GroupStatus.Resolved, GroupStatus.Muted];

    /// <summary>The query, or why it cannot be answered (a 400 detail).</summary>
    public static (IssueQuery? Query, string? Problem) Parse(string? query, string? limit, string? cursor, string? sort)
    {
        var text = query ?? "is:unresolved";
        IEnumerable<GroupStatus> statuses = s_all;
        foreach (var term in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            GroupStatus[]? matching = term switch
            {
                "is:unresolved" => [GroupStatus.Open, GroupStatus.Regressed],
                "is:resolved" => [GroupStatus.Resolved],
                "is:ignored" or "is:muted" or "is:archived" => [GroupStatus.Muted],
                "is:regressed" => [GroupStatus.Regressed],
                _ => null,
            };
            if (matching is null)
            {
                return (null, $"this feed answers only is:unresolved, is:resolved, is:ignored and is:regressed in the query, not '{term}'.");
            }

            statuses = statuses.Intersect(matching);
        }

        var pageSize = MaxLimit;
        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxLimit))
        {
            return (null, $"limit must be a whole number from 1 to {MaxLimit}.");
        }

        if (!string.IsNullOrEmpty(sort) && sort != "date")
        {
            return (null, $"this feed sorts issues only by date (last seen), not by '{sort}'.");
        }

        GroupPageCursor? after = null;
        if (!string.IsNullOrEmpty(cursor) && !TryParseCursor(cursor, out after))
        {
            return (null, "the cursor is not one this feed gave out; take it from the Link header of the previous page.");
        }

        var chosen = statuses.ToArray();
        // Every status chosen means no filter; an empty intersection means none can match.
        return chosen.Length == 0
            ? (new IssueQuery([], 0, after, text), null)
            : (new IssueQuery(chosen.Length == s_all.Length ? [] : chosen, pageSize, after, text), null);
    }

    /// <summary>Sentry's cursor shape <c>value:offset:is_prev</c>; here <c>lastSeenMilliseconds:groupId:0</c>.</summary>
    public static string FormatCursor(GroupPageCursor cursor) =>
        string.Create(CultureInfo.InvariantCulture, $"{cursor.LastSeenMilliseconds}:{cursor.GroupId}:0");

    private static bool TryParseCursor(string text, out GroupPageCursor? cursor)
    {
        cursor = null;
        var parts = text.Split(':');
        if (parts.Length != 3 || parts[2] != "0" || parts[1].Length is 0 or > 64 || !parts[1].All(char.IsAsciiLetterOrDigit)
            || !long.TryParse(parts[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var lastSeen))
        {
            return false;
        }

        cursor = new GroupPageCursor(lastSeen, parts[1]);
        return true;
    }
}
