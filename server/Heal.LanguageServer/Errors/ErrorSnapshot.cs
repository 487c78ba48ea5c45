using System.Collections.Immutable;

namespace Heal.LanguageServer.Errors;

/// <summary>Everything the read-only requests need, taken at one moment; replaced whole, never changed.</summary>
public sealed record ErrorSnapshot(ImmutableArray<ErrorEntry> Entries, DateTimeOffset TakenAt)
{
    public static ErrorSnapshot Empty { get; } = new(ImmutableArray<ErrorEntry>.Empty, DateTimeOffset.MinValue);

    public ErrorEntry? Find(string groupId) => Entries.FirstOrDefault(e => e.Group.Id == groupId);
}
