using Heal.Core.Model;
using Heal.Core.Sources;

namespace Heal.Feed.Tests.Sources;

/// <summary>
/// A source's <see cref="IErrorSource.WatchAsync"/> with its first step already taken: a watch takes its starting position
/// synchronously inside the first <c>MoveNextAsync</c>, so whatever a test writes after <see cref="Start"/> is new to it.
/// </summary>
internal sealed class StartedWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource _cancel;
    private readonly IAsyncEnumerator<ErrorEvent> _enumerator;
    private Task<bool>? _pending;

    private StartedWatch(CancellationTokenSource cancel, IAsyncEnumerator<ErrorEvent> enumerator, Task<bool> pending)
    {
        _cancel = cancel;
        _enumerator = enumerator;
        _pending = pending;
    }

    public static StartedWatch Start(IErrorSource source)
    {
        var cancel = new CancellationTokenSource();
        var enumerator = source.WatchAsync(cancel.Token).GetAsyncEnumerator(cancel.Token);
        return new StartedWatch(cancel, enumerator, enumerator.MoveNextAsync().AsTask());
    }

    /// <summary>The next event, failing the test when none arrives before <paramref name="deadline"/>.</summary>
    public async Task<ErrorEvent> NextAsync(TimeSpan deadline)
    {
        var move = _pending ?? _enumerator.MoveNextAsync().AsTask();
        _pending = move;
        Assert.True(await move.WaitAsync(deadline), "the watch ended without an event");
        _pending = null;
        return _enumerator.Current;
    }

    /// <summary>Cancels the watch and checks that it ends quietly, as <see cref="IErrorSource.WatchAsync"/> promises.</summary>
    public async ValueTask DisposeAsync()
    {
        await _cancel.CancelAsync();
        if (_pending is not null)
        {
            Assert.False(await _pending.WaitAsync(TimeSpan.FromSeconds(30)), "a cancelled watch yielded an event");
        }

        await _enumerator.DisposeAsync();
        _cancel.Dispose();
    }
}
