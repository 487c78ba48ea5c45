using System.Diagnostics;
using System.IO.Compression;
using Heal.Core.Grouping;
using Heal.Core.Model;
using Heal.Feed.Protocol;
using Heal.Feed.Store;

namespace Heal.Feed.Benchmarks;

/// <summary>
/// Where an event's time goes, stage by stage, each measured alone on one thread over the same envelopes the load
/// run posts: gunzip, envelope framing, event parsing, fingerprinting, and the SQLite append in batches of the size
/// the load run's group commit reached. Whatever the end-to-end CPU per event exceeds their sum is HTTP (Kestrel and
/// the in-process load generator) and GC.
/// </summary>
public static class PhaseProfile
{
    public static void Run(IReadOnlyList<byte[]> gzipEnvelopes, int batchSize, string storePath)
    {
        var count = gzipEnvelopes.Count;
        var envelopes = new byte[count][];
        var gunzip = Measure(() =>
        {
            for (var i = 0; i < count; i++)
            {
                using var input = new GZipStream(new MemoryStream(gzipEnvelopes[i]), CompressionMode.Decompress);
                using var output = new MemoryStream();
                input.CopyTo(output);
                envelopes[i] = output.ToArray();
            }
        });

        var payloads = new ReadOnlyMemory<byte>[count];
        var frame = Measure(() =>
        {
            for (var i = 0; i < count; i++)
            {
                payloads[i] = EnvelopeReader.Read(envelopes[i]).Value!.Events[0].Payload;
            }
        });

        var parsed = new ErrorEvent[count];
        var now = DateTimeOffset.UtcNow;
        var parse = Measure(() =>
        {
            for (var i = 0; i < count; i++)
            {
                parsed[i] = ErrorEvent.FromSentryJson(payloads[i].Span, now).Value!;
            }
        });

        var fingerprints = new Fingerprint[count];
        var fingerprint = Measure(() =>
        {
            for (var i = 0; i < count; i++)
            {
                fingerprints[i] = Fingerprint.Compute(parsed[i]);
            }
        });

        var newEvents = Enumerable.Range(0, count).Select(i => new NewEvent(parsed[i].Id, fingerprints[i].GroupId, fingerprints[i].Hash, fingerprints[i].Basis,
            parsed[i].Culprit?.Type ?? "message", parsed[i].Culprit?.Value, parsed[i].Timestamp, now, parsed[i].Release,
            parsed[i].Culprit?.ThrowingFrame, payloads[i], [])).ToArray();
        using var store = SqliteErrorStore.Open(storePath, new StoreOptions(MaxEventsPerGroup: 1_000_000, MaxTotalBytes: long.MaxValue));
        var commit = Measure(() =>
        {
            foreach (var batch in newEvents.Chunk(Math.Max(1, batchSize)))
            {
                store.AppendAsync(batch, CancellationToken.None).GetAwaiter().GetResult();
            }
        });

        Console.WriteLine($"  stage costs, one thread, {count} events (wall µs per event): gunzip {Us(gunzip.Wall, count)}, framing {Us(frame.Wall, count)}, " +
            $"parse {Us(parse.Wall, count)}, fingerprint {Us(fingerprint.Wall, count)}, SQLite append in batches of {batchSize} {Us(commit.Wall, count)}; " +
            $"sum {Us(gunzip.Wall + frame.Wall + parse.Wall + fingerprint.Wall + commit.Wall, count)}");
        // Process CPU includes the GC's threads, so it is what a stage really costs a core.
        Console.WriteLine($"  stage costs (process CPU µs per event): gunzip {Us(gunzip.Cpu, count)}, framing {Us(frame.Cpu, count)}, " +
            $"parse {Us(parse.Cpu, count)}, fingerprint {Us(fingerprint.Cpu, count)}, SQLite append {Us(commit.Cpu, count)}; " +
            $"sum {Us(gunzip.Cpu + frame.Cpu + parse.Cpu + fingerprint.Cpu + commit.Cpu, count)}");
    }

    /// <summary>Wall time, and the process's CPU time over it (the figure that holds when other processes share the cores).</summary>
    private static (TimeSpan Wall, TimeSpan Cpu) Measure(Action action)
    {
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        action();
        var wall = Stopwatch.GetElapsedTime(started);
        self.Refresh();
        return (wall, self.TotalProcessorTime - cpuBefore);
    }

    private static string Us(TimeSpan total, int count) => (total.TotalMicroseconds / count).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
