using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Heal.LanguageServer.Errors;

/// <summary>
/// Everything the read-only requests need, taken at one moment; replaced whole, never changed. Built with two indexes so
/// a request costs what its file or group holds, not what the store holds: groups by id, and the linked frames of
/// groups not muted by repository-relative file (a file's frames in entry order, most recently seen first).
/// </summary>
public sealed class ErrorSnapshot
{
    private readonly FrozenDictionary<string, ErrorEntry> _byGroup;
    private readonly FrozenDictionary<string, ImmutableArray<ErrorFrame>> _byFile;

    private ErrorSnapshot(ImmutableArray<ErrorEntry> entries, DateTimeOffset takenAt)
    {
        Entries = entries;
        TakenAt = takenAt;
        var byGroup = new Dictionary<string, ErrorEntry>(entries.Length, StringComparer.Ordinal);
        var byFile = new Dictionary<string, ImmutableArray<ErrorFrame>.Builder>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            byGroup.TryAdd(entry.Group.Id, entry);
            if (entry.Muted || entry.Frames.IsDefaultOrEmpty)
            {
                continue;
            }

            foreach (var frame in entry.Frames)
            {
                if (!byFile.TryGetValue(frame.RelativePath, out var list))
                {
                    byFile[frame.RelativePath] = list = ImmutableArray.CreateBuilder<ErrorFrame>();
                }

                list.Add(new ErrorFrame(entry, frame));
            }
        }

        _byGroup = byGroup.ToFrozenDictionary(StringComparer.Ordinal);
        _byFile = byFile.ToFrozenDictionary(p => p.Key, p => p.Value.ToImmutable(), StringComparer.Ordinal);
    }

    public static ErrorSnapshot Empty { get; } = new(ImmutableArray<ErrorEntry>.Empty, DateTimeOffset.MinValue);

    /// <summary>Every group, most recently seen first, muted ones included.</summary>
    public ImmutableArray<ErrorEntry> Entries { get; }

    public DateTimeOffset TakenAt { get; }

    /// <summary>The repository-relative files that hold frames of groups not muted.</summary>
    public IEnumerable<string> Files => _byFile.Keys;

    /// <summary>Entries ordered most recently seen first (the order the store lists them in).</summary>
    public static ErrorSnapshot Create(IEnumerable<ErrorEntry> entries, DateTimeOffset takenAt) => new([.. entries], takenAt);

    public ErrorEntry? Find(string groupId) => _byGroup.GetValueOrDefault(groupId);

    /// <summary>The frames of groups not muted that link to <paramref name="relativePath"/>; empty when none.</summary>
    public ImmutableArray<ErrorFrame> InFile(string relativePath) =>
        _byFile.TryGetValue(relativePath, out var frames) ? frames : ImmutableArray<ErrorFrame>.Empty;

    /// <summary>
    /// This snapshot with <paramref name="updated"/> entries replacing those of the same group (new groups added), most
    /// recently seen first, capped at <paramref name="limit"/> groups.
    /// </summary>
    public ErrorSnapshot With(IReadOnlyCollection<ErrorEntry> updated, int limit, DateTimeOffset takenAt)
    {
        var replaced = updated.Select(e => e.Group.Id).ToHashSet(StringComparer.Ordinal);
        var entries = Entries.Where(e => !replaced.Contains(e.Group.Id)).Concat(updated)
            .OrderByDescending(e => e.Group.LastSeen).ThenBy(e => e.Group.Id, StringComparer.Ordinal)
            .Take(limit);
        return new ErrorSnapshot([.. entries], takenAt);
    }
}
