using Heal.Core.Sources;
using Heal.Feed.Store;

namespace Heal.Pipeline.Hosting;

/// <summary>
/// An open error source and, when it is the local store, the store itself (for muting and cursor-based updates).
/// <see cref="Source"/> is null when the store does not exist yet (nothing recorded).
/// </summary>
public sealed class ErrorSourceConnection(IErrorSource? source, IErrorStore? store, string description) : IAsyncDisposable
{
    public IErrorSource? Source { get; } = source;

    public IErrorStore? Store { get; } = store;

    /// <summary>Where the errors come from, for logs and event origins (never a token).</summary>
    public string Description { get; } = description;

    public async ValueTask DisposeAsync()
    {
        (Source as IDisposable)?.Dispose();
        if (Store is not null)
        {
            await Store.DisposeAsync().ConfigureAwait(false);
        }
    }
}
