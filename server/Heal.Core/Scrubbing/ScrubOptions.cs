using System.Buffers;
using System.Collections.Immutable;

namespace Heal.Core.Scrubbing;

/// <summary>
/// Which keys count as secrets. The built-in words (<see cref="DefaultWords"/>) and any extra field names are matched
/// as Sentry's server-side scrubbing does: case-insensitively, anywhere in the key (<c>X-Auth-Token</c>,
/// <c>db_password</c>, <c>Set-Cookie</c>, <c>ASP.NET_SessionId</c>).
/// </summary>
public sealed class ScrubOptions
{
    /// <summary>Key fragments whose values are always replaced.</summary>
    public static ImmutableArray<string> DefaultWords { get; } =
    [
        "password", "passwd", "pwd", "passphrase", "secret", "token", "auth", "api_key", "api-key", "apikey",
        "credential", "cookie", "session", "private_key", "private-key", "privatekey", "access_key", "access-key", "accesskey",
    ];

    public static ScrubOptions Default { get; } = new([]);

    private readonly SearchValues<string> _words;

    public ScrubOptions(IEnumerable<string> extraFields)
    {
        ArgumentNullException.ThrowIfNull(extraFields);
        ExtraFields = [.. extraFields.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim())];
        _words = SearchValues.Create([.. DefaultWords, .. ExtraFields], StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Field names added with <c>--scrub-field</c>, matched like the built-in words.</summary>
    public ImmutableArray<string> ExtraFields { get; }

    /// <summary>True when <paramref name="key"/> names a secret.</summary>
    public bool IsSecretKey(ReadOnlySpan<char> key) => key.IndexOfAny(_words) >= 0;

    /// <summary>Where the first secret word in <paramref name="text"/> starts, or -1.</summary>
    internal int IndexOfSecretWord(ReadOnlySpan<char> text) => text.IndexOfAny(_words);
}
