using System.Diagnostics;
using System.IO.Compression;
using Heal.Core.Model;
using Heal.Core.Scrubbing;
using Heal.Feed.Protocol;
using Heal.Feed.Store;

namespace Heal.Feed.Benchmarks;

/// <summary>
/// Where an event's time goes in the feed, stage by stage, each measured alone on one thread over the same envelopes the
/// load run posts (after one untimed pass, so the code is JIT-optimised as in a running feed): gunzip, envelope framing, scrubbing, the ingest reader (what is stored, and the fingerprint), and the
/// SQLite append in batches of the size the load run's group commit reached. The full parser, which the feed no longer
/// runs at ingest, is measured beside them for comparison. Whatever the feed's CPU per event exceeds their sum is HTTP
/// (Kestrel), the handler's awaits and GC.
/// </summary>
public static class PhaseProfile
{
    public static void Run(IReadOnlyList<byte[]> gzipEnvelopes, int batchSize, string storePath)
    {
        var count = gzipEnvelopes.Count;
        var envelopes = new byte[count][];
        var gunzip = MeasureWarm(() =>
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
        var frame = MeasureWarm(() =>
        {
            for (var i = 0; i < count; i++)
            {
                payloads[i] = EnvelopeReader.Read(envelopes[i]).Value!.Events[0].Payload;
            }
        });

        var scrubbed = 0;
        var scrub = MeasureWarm(() =>
        {
            scrubbed = 0;
            for (var i = 0; i < count; i++)
            {
                if (EventJsonScrubber.ScrubEvent(payloads[i].Span, ScrubOptions.Default) is not null)
                {
                    scrubbed++;
                }
            }
        });

        var summaries = new EventSummary[count];
        var now = DateTimeOffset.UtcNow;
        var read = MeasureWarm(() =>
        {
            for (var i = 0; i < count; i++)
            {
                summaries[i] = EventSummary.FromSentryJson(payloads[i].Span, now).Value!;
            }
        });

        var full = MeasureWarm(() =>
        {
            for (var i = 0; i < count; i++)
            {
                _ = EventSummary.FromEvent(ErrorEvent.FromSentryJson(payloads[i].Span, now).Value!);
            }
        });

        var newEvents = Enumerable.Range(0, count).Select(i => new NewEvent(summaries[i].Id, summaries[i].Fingerprint.GroupId, summaries[i].Fingerprint.Hash,
            summaries[i].Fingerprint.Basis, summaries[i].Type, summaries[i].Message, summaries[i].Timestamp, now, summaries[i].Release,
            summaries[i].TopFrame, payloads[i], [])).ToArray();
        using var store = SqliteErrorStore.Open(storePath, new StoreOptions(MaxEventsPerGroup: 1_000_000, MaxTotalBytes: long.MaxValue));
        var commit = Measure(() =>
        {
            foreach (var batch in newEvents.Chunk(Math.Max(1, batchSize)))
            {
                store.AppendAsync(batch, CancellationToken.None).GetAwaiter().GetResult();
            }
        });

        Console.WriteLine($"  {count} events ({scrubbed} needed scrubbing), SQLite batches of {batchSize}; wall µs per event (process CPU µs per event, GC threads included):");
        foreach (var (name, cost) in new[] { ("gunzip", gunzip), ("framing", frame), ("scrub", scrub), ("ingest reader", read), ("SQLite append", commit) })
        {
            Console.WriteLine($"    {name,-16} {Us(cost.Wall, count),7} ({Us(cost.Cpu, count)})");
        }

        var sum = gunzip.Wall + frame.Wall + scrub.Wall + read.Wall + commit.Wall;
        var sumCpu = gunzip.Cpu + frame.Cpu + scrub.Cpu + read.Cpu + commit.Cpu;
        Console.WriteLine($"    {"sum",-16} {Us(sum, count),7} ({Us(sumCpu, count)})");
        Console.WriteLine($"    {"full parser",-16} {Us(full.Wall, count),7} ({Us(full.Cpu, count)})  (not on the ingest path any more; for comparison)");
    }

    /// <summary>
    /// <see cref="Measure"/> of a stage that can run twice (it keeps no state between passes): one untimed pass first, so
    /// the timed one runs JIT-optimised code as a long-running feed does, not tier-0 code and the JIT itself.
    /// </summary>
    private static (TimeSpan Wall, TimeSpan Cpu) MeasureWarm(Action action)
    {
        action();
        return Measure(action);
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
