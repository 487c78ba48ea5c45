namespace Heal.Core.Model;

/// <summary>
/// Where an event came from and whether its sender proved who it was (a feed started with <c>--key</c> that
/// checked the key, a backend import with a token). Unauthenticated events can be healed but never auto-merged.
/// </summary>
public sealed record EventOrigin(string Source, bool Authenticated)
{
    public static EventOrigin LocalFile(string path) => new("file:" + path, false);
}
