using Heal.Feed.Store;

namespace Heal.Feed.Receiver;

/// <summary>The events of one HTTP request, waiting for the writer; <see cref="Committed"/> completes after their transaction commits.</summary>
public sealed class IngestRequest(IReadOnlyList<NewEvent> events)
{
    private readonly TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<NewEvent> Events { get; } = events;

    public Task Committed => _committed.Task;

    internal void Complete() => _committed.TrySetResult();

    internal void Fail(Exception exception) => _committed.TrySetException(exception);
}
