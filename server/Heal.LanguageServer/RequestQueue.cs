namespace Heal.LanguageServer;

/// <summary>
/// Orders the work of incoming messages.
/// </summary>
/// <remarks>
/// StreamJsonRpc invokes the handler adapters one at a time in arrival order, and each adapter enqueues here
/// synchronously, so the queue sees messages in the order the editor sent them. Rules:
/// <list type="number">
/// <item>Mutating messages (didOpen, didChange, didClose, heal/mute, installing the first snapshot, updates after new
/// events) run one at a time in arrival order: each starts when the previous mutation has finished.</item>
/// <item>Read-only requests (hover, codeLens, codeAction, heal/errorDetails, heal/listErrors) wait for the mutations that
/// arrived before them, then run concurrently with each other on immutable snapshots (documents and errors); later
/// mutations do not wait for them.</item>
/// <item>Long work (heal/heal: diagnose, build, tests) waits for earlier mutations, then runs on the thread pool and
/// reports through <c>$/progress</c>; it never blocks editing, and reads the document texts it needs at its end.</item>
/// <item>Lifecycle messages (initialize, initialized, shutdown, exit, $/setTrace) run at once.</item>
/// <item>The first load of errors (open the source, read, link) runs in the background after <c>initialized</c>, outside
/// the queue, so <c>initialize</c> answers at once and editing never waits for it; its snapshot is installed and published
/// as one mutation. Before it, files open in the editor get first passes (the groups that name them, linked), each
/// installed and published as one mutation too; only those files are published before the full snapshot. Until the full
/// snapshot reads see the empty or first-pass snapshot, except the requests that name a group (heal/errorDetails,
/// heal/listErrors, heal/heal, heal/mute, heal/openPullRequest), which wait for it first.</item>
/// </list>
/// A failed mutation fails only its own request; the next one still runs.
/// </remarks>
public sealed class RequestQueue
{
    private readonly object _gate = new();
    private Task _mutations = Task.CompletedTask;

    public Task<T> Enqueue<T>(RequestKind kind, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var previous = _mutations;
            switch (kind)
            {
                case RequestKind.Immediate:
                    return work(cancellationToken);
                case RequestKind.Mutating:
                    var task = RunAfterAsync(previous, work, cancellationToken);
                    _mutations = task.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    return task;
                case RequestKind.ReadOnly:
                    return RunAfterAsync(previous, work, cancellationToken);
                default:
                    return Task.Run(() => RunAfterAsync(previous, work, cancellationToken), CancellationToken.None);
            }
        }
    }

    /// <summary>Completes when every mutation enqueued so far has run (tests and shutdown use it).</summary>
    public Task MutationsDrained
    {
        get
        {
            lock (_gate)
            {
                return _mutations;
            }
        }
    }

    private static async Task<T> RunAfterAsync<T>(Task previous, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await previous.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return await work(cancellationToken).ConfigureAwait(false);
    }
}
