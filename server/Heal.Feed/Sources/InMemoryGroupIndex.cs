using Heal.Core.Grouping;
using Heal.Core.Model;
using Heal.Feed.Protocol;

namespace Heal.Feed.Sources;

/// <summary>
/// Groups events in memory the way the store groups them (same parser, same fingerprint), keeping only each group's
/// counters and its latest event. For sources that have no database of their own, such as a JSON-lines file.
/// </summary>
internal sealed class InMemoryGroupIndex
{
    private readonly Dictionary<string, Entry> _groups = new(StringComparer.Ordinal);
    private readonly HashSet<string> _eventIds = new(StringComparer.Ordinal);

    public int Count => _groups.Count;

    /// <summary>Adds an event; false when an event with the same id was already added (an idempotent resend).</summary>
    public bool Add(ErrorEvent errorEvent)
    {
        if (!_eventIds.Add(errorEvent.Id))
        {
            return false;
        }

        var fingerprint = EventParsing.Fingerprint(errorEvent);
        _groups[fingerprint.GroupId] = _groups.TryGetValue(fingerprint.GroupId, out var entry)
            ? entry.With(errorEvent)
            : Entry.First(fingerprint, errorEvent);
        return true;
    }

    public void Clear()
    {
        _groups.Clear();
        _eventIds.Clear();
    }

    /// <summary>
    /// The groups, most recently seen first. <paramref name="provisional"/> is an event counted in this answer only
    /// (a last line still without its line break).
    /// </summary>
    public IReadOnlyList<ErrorGroup> List(int limit, ErrorEvent? provisional = null)
    {
        var entries = _groups.Values.AsEnumerable();
        if (provisional is not null && !_eventIds.Contains(provisional.Id))
        {
            var fingerprint = EventParsing.Fingerprint(provisional);
            var merged = _groups.TryGetValue(fingerprint.GroupId, out var entry) ? entry.With(provisional) : Entry.First(fingerprint, provisional);
            entries = entries.Where(e => e.GroupId != fingerprint.GroupId).Append(merged);
        }

        return entries
            .OrderByDescending(e => e.LastSeen)
            .ThenBy(e => e.GroupId, StringComparer.Ordinal)
            .Take(Math.Max(0, limit))
            .Select(e => e.ToGroup())
            .ToList();
    }

    /// <summary>The latest event added to the group (file order), or null for an unknown group.</summary>
    public ErrorEvent? Latest(string groupId, ErrorEvent? provisional = null)
    {
        if (provisional is not null && !_eventIds.Contains(provisional.Id) && EventParsing.Fingerprint(provisional).GroupId == groupId)
        {
            return provisional;
        }

        return _groups.TryGetValue(groupId, out var entry) ? entry.Latest : null;
    }

    /// <summary>The fields the receiver writes for this event's group, computed the same way.</summary>
    public static (string Type, StackFrame? TopFrame) Describe(ErrorEvent errorEvent)
    {
        var culprit = errorEvent.Culprit;
        return (culprit?.Type ?? "message", EventSummary.TopInAppFrame(culprit));
    }

    private sealed record Entry(
        string GroupId, string Fingerprint, long Count, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, string? LastRelease, ErrorEvent Latest)
    {
        public static Entry First(Fingerprint fingerprint, ErrorEvent errorEvent) =>
            new(fingerprint.GroupId, fingerprint.Hash, 1, errorEvent.Timestamp, errorEvent.Timestamp, errorEvent.Release, errorEvent);

        public Entry With(ErrorEvent errorEvent) => this with
        {
            Count = Count + 1,
            FirstSeen = errorEvent.Timestamp < FirstSeen ? errorEvent.Timestamp : FirstSeen,
            LastSeen = errorEvent.Timestamp > LastSeen ? errorEvent.Timestamp : LastSeen,
            LastRelease = errorEvent.Release ?? LastRelease,
            Latest = errorEvent,
        };

        public ErrorGroup ToGroup()
        {
            var (type, topFrame) = Describe(Latest);
            return new ErrorGroup(GroupId, Fingerprint, type, Latest.Culprit?.Value ?? Latest.Message, Count, FirstSeen, LastSeen,
                LastRelease, GroupStatus.Open, topFrame, Latest.Id);
        }
    }
}
