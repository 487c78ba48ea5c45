using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Heal.Feed.Tests.Fixtures;

namespace Heal.Feed.Benchmarks;

/// <summary>
/// Throughput of the real <c>heal feed</c> process with durable acknowledgements: this process is only the load generator
/// (raw keep-alive HTTP/1.1, pre-built requests), the feed runs as its own process, as in production. Prints events/s,
/// p50/p99 latency of acknowledgements, the feed's peak resident set, each process's CPU per event, where the feed's
/// time went (its own counters, printed when it stops), then an overload run with the store stalled.
/// </summary>
public static partial class ThroughputBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var events = Options.Int(args, "--events", 60_000);
        var connections = Options.Int(args, "--connections", 32);
        var overloadConnections = Options.Int(args, "--overload-connections", 1536);
        var storeKind = Options.Text(args, "--store") ?? "sqlite";
        var feedArgs = Options.Text(args, "--feed-args")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        const string key = "0123456789abcdef0123456789abcdef";

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {Options.LoadAverage()}, .NET {Environment.Version}");
        Console.WriteLine($"preparing {events} gzip envelopes...");
        var bodies = Prepare(events);
        Console.WriteLine($"  mean envelope: {bodies.Average(b => b.Length):0} bytes gzip, event JSON ~{Encoding.UTF8.GetByteCount(SentryPayloads.DotNetEvent(SentryPayloads.NewId())):0} bytes");

        var folder = Directory.CreateTempSubdirectory("heal-feed-bench-");
        try
        {
            string[] feedOptions = ["--key", key, .. feedArgs];
            if (!args.Contains("--skip-warmup"))
            {
                await using var warmupStore = await BenchStore.Create(storeKind, folder.FullName, "warmup");
                await RunOnceAsync(warmupStore, Prepare(5000), connections, feedOptions, key, print: false, stall: null);
            }

            await using (var store = await BenchStore.Create(storeKind, folder.FullName, "throughput"))
            {
                Console.WriteLine();
                Console.WriteLine($"== throughput: {events} events, {connections} connections, store {store.Describe}, feed options: {string.Join(' ', feedOptions)}");
                await RunOnceAsync(store, bodies, connections, feedOptions, key, print: true, stall: null);
            }

            if (!args.Contains("--skip-overload"))
            {
                await using var store = await BenchStore.Create(storeKind, folder.FullName, "overload");
                var overloadEvents = Math.Min(events, 40_000);
                Console.WriteLine();
                Console.WriteLine($"== overload: {overloadEvents} events, {overloadConnections} connections, store stalled for the first 2 s (a stalled disk); the queue holds 1024 requests");
                await RunOnceAsync(store, Prepare(overloadEvents), overloadConnections, feedOptions, key, print: true, stall: TimeSpan.FromSeconds(2));
            }

            if (storeKind == "sqlite" && !args.Contains("--skip-profile"))
            {
                Console.WriteLine();
                Console.WriteLine("== where an event's time goes, stage by stage, one thread, in this process");
                PhaseProfile.Run(bodies.Take(Math.Min(bodies.Length, 10_000)).ToArray(), s_lastMeanBatch, Path.Combine(folder.FullName, "profile.db"));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }

        return 0;
    }

    private static int s_lastMeanBatch = 64;

    private static async Task RunOnceAsync(BenchStore store, IReadOnlyList<byte[]> bodies, int connections, string[] feedOptions, string key, bool print, TimeSpan? stall)
    {
        await using var feed = await FeedChild.StartAsync(store.FeedArgument, feedOptions);
        var baseline = feed.Rss;
        var cpuBefore = feed.Cpu;
        Task? release = stall is { } duration ? await store.StallAsync(duration) : null;
        var run = await LoadGenerator.RunAsync(feed.Address, bodies, connections, key);
        if (release is not null)
        {
            await release;
        }

        var feedCpu = feed.Cpu - cpuBefore;
        var peak = feed.PeakRss;
        var exit = await feed.StopAsync();
        var stats = await store.StatsAsync();
        if (!print)
        {
            return;
        }

        var n = Math.Max(1, run.Acknowledged);
        Console.WriteLine($"  acknowledged {run.Acknowledged} of {run.Sent} in {run.Elapsed.TotalSeconds:0.00} s = {run.EventsPerSecond:0} events/s");
        Console.WriteLine($"  latency of durable acks: p50 {run.Percentile(0.50):0.00} ms, p99 {run.Percentile(0.99):0.00} ms, max {run.Percentile(1.0):0.00} ms");
        Console.WriteLine($"  answers: {run.Statuses}");
        Console.WriteLine($"  feed resident set: at start {baseline >> 20} MiB, peak {peak >> 20} MiB");
        Console.WriteLine($"  store: {stats.Groups} groups counting {stats.Seen} events, {stats.Events} of them kept after retention ({stats.Bytes >> 20} MiB of event JSON); every acknowledged event counted: {stats.Seen >= run.Acknowledged}");
        Console.WriteLine($"  CPU: feed {feedCpu.TotalSeconds:0.00} s, load generator {run.GeneratorCpu.TotalSeconds:0.00} s, over {run.Elapsed.TotalSeconds:0.00} s wall on {Environment.ProcessorCount} cores; per acknowledged event: feed {Us(feedCpu, n)} µs, load generator {Us(run.GeneratorCpu, n)} µs");
        if (FeedCounters(feed.Stderr) is { } counters)
        {
            Console.WriteLine($"  feed's own counters (wall time summed over requests; includes waiting for a core): {counters.Describe(n)}");
            if (stall is null)
            {
                s_lastMeanBatch = (int)Math.Max(1, counters.Events / Math.Max(1, counters.Batches));
            }
        }

        if (exit != 0)
        {
            Console.WriteLine($"  heal feed exited {exit}: {feed.Stderr}");
        }
    }

    private sealed record Counters(long Events, long Batches, double Read, double Scrub, double Parse, double Commit)
    {
        public string Describe(long acknowledged) =>
            $"{Batches} commits of {Events / (double)Math.Max(1, Batches):0.0} events; per event: read+decode {Read * 1e6 / acknowledged:0.0} µs, scrub {Scrub * 1e6 / acknowledged:0.0} µs, "
            + $"read event + fingerprint {Parse * 1e6 / acknowledged:0.0} µs, commit (writer thread) {Commit * 1e6 / acknowledged:0.0} µs";
    }

    private static Counters? FeedCounters(string stderr)
    {
        var match = StoppedLine().Match(stderr);
        if (!match.Success)
        {
            return null;
        }

        double D(int group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        return new Counters(long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), D(3), D(4), D(5), D(6));
    }

    [GeneratedRegex(@"stopped; (\d+) events committed this run in (\d+) commits; seconds spent reading bodies ([\d.]+), scrubbing ([\d.]+), reading events ([\d.]+), committing ([\d.]+)")]
    private static partial Regex StoppedLine();

    private static string Us(TimeSpan total, long events) => (total.TotalMicroseconds / events).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>.NET-SDK-shaped events (~30 frames), 50 groups, varying messages, each in a gzip envelope.</summary>
    internal static byte[][] Prepare(int count)
    {
        var bodies = new byte[count][];
        Parallel.For(0, count, i =>
        {
            var id = SentryPayloads.NewId();
            var group = i % 50;
            var json = SentryPayloads.DotNetEvent(id, type: group % 3 == 0 ? "System.InvalidOperationException" : "System.NullReferenceException",
                message: $"Order {i} could not be placed for customer {i % 977}", group: group);
            bodies[i] = SentryPayloads.Gzip(SentryPayloads.Envelope(json, id));
        });
        return bodies;
    }
}
