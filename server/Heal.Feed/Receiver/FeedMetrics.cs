using System.Diagnostics;

namespace Heal.Feed.Receiver;

/// <summary>
/// Where the receiver's time goes, summed over all requests: reading and decoding bodies, scrubbing, reading the
/// events (with their fingerprint), and the writer's SQLite commits. Counters only (a few interlocked adds per request), so they
/// stay on in production and the benchmark reads them.
/// </summary>
public sealed class FeedMetrics
{
    private long _readTicks;
    private long _scrubTicks;
    private long _scrubbedValues;
    private long _parseTicks;
    private long _commitTicks;
    private long _batches;
    private long _committedEvents;
    private long _rejectedOverload;

    public TimeSpan Read => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _readTicks));

    public TimeSpan Scrub => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _scrubTicks));

    /// <summary>Values replaced with <c>[Filtered]</c> before storage.</summary>
    public long ScrubbedValues => Interlocked.Read(ref _scrubbedValues);

    public TimeSpan Parse => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _parseTicks));

    public TimeSpan Commit => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _commitTicks));

    public long Batches => Interlocked.Read(ref _batches);

    public long CommittedEvents => Interlocked.Read(ref _committedEvents);

    public long RejectedOverload => Interlocked.Read(ref _rejectedOverload);

    internal void AddRead(long ticks) => Interlocked.Add(ref _readTicks, ticks);

    internal void AddScrub(long ticks) => Interlocked.Add(ref _scrubTicks, ticks);

    internal void AddScrubbed(int values) => Interlocked.Add(ref _scrubbedValues, values);

    internal void AddParse(long ticks) => Interlocked.Add(ref _parseTicks, ticks);

    internal void AddCommit(long ticks, int events)
    {
        Interlocked.Add(ref _commitTicks, ticks);
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _committedEvents, events);
    }

    internal void AddOverload() => Interlocked.Increment(ref _rejectedOverload);
}
