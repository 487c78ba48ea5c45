using Microsoft.Extensions.Hosting;

namespace Heal.Feed.Receiver;

/// <summary>
/// A host lifetime that does nothing: the receiver is started and stopped by its owner (the CLI handles SIGINT and
/// SIGTERM itself; tests run several receivers in one process), never by console signals the host would catch.
/// </summary>
internal sealed class FeedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
