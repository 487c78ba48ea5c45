using Heal.Core.Model;
using Heal.Feed.Store;

namespace Heal.Cli;

/// <summary>
/// Finds the group a user means by <c>--group</c>: its full id (16 hex digits) or any unique prefix of it, such as the short
/// id <c>heal errors</c> shows and <c>heal/…</c> branches carry.
/// </summary>
public static class GroupReference
{
    /// <summary>The most groups searched for a prefix; a store holds far fewer in practice.</summary>
    private const int PrefixSearchLimit = 100_000;

    public static async Task<ErrorGroup> ResolveAsync(IErrorStore store, string reference, string storePath, CancellationToken cancellationToken)
    {
        var text = reference.Trim().ToLowerInvariant();
        if (text.Length < 4 || !text.All(char.IsAsciiHexDigit))
        {
            throw new UsageException($"--group '{reference}' is not a group id: give the id or at least its first 4 hex digits, as 'heal errors' shows.");
        }

        if (text.Length == 16 && await store.GetGroupAsync(text, cancellationToken) is { } exact)
        {
            return exact;
        }

        var matches = (await store.ListGroupsAsync(PrefixSearchLimit, cancellationToken))
            .Where(g => g.Id.StartsWith(text, StringComparison.Ordinal))
            .ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new UsageException($"no error group '{reference}' in {storePath}; 'heal errors' lists them.", "group-not-found"),
            _ => throw new UsageException(
                $"--group '{reference}' matches {matches.Count} groups ({string.Join(", ", matches.Take(5).Select(g => g.Id))}{(matches.Count > 5 ? ", …" : "")}); give more digits.",
                "group-ambiguous"),
        };
    }
}
