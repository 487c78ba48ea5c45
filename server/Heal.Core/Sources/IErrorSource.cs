using Heal.Core.Model;

namespace Heal.Core.Sources;

/// <summary>
/// The one way the rest of Heal reads errors, whatever holds them: the local store, a JSON-lines file,
/// or a Sentry-style backend. Implementations live in <c>Heal.Feed</c>.
/// </summary>
public interface IErrorSource
{
    /// <summary>A short human name for logs and UIs, e.g. <c>store:/tmp/heal.db</c>.</summary>
    string Name { get; }

    /// <summary>The groups, most recently seen first.</summary>
    Task<IReadOnlyList<ErrorGroup>> ListGroupsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>The latest event of a group, or null when the group is unknown or holds no event.</summary>
    Task<ErrorEvent?> GetLatestEventAsync(string groupId, CancellationToken cancellationToken);

    /// <summary>
    /// Events that arrive after the call, as they arrive (a store polled, a file followed as it grows,
    /// a backend polled). Ends when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    IAsyncEnumerable<ErrorEvent> WatchAsync(CancellationToken cancellationToken);
}
