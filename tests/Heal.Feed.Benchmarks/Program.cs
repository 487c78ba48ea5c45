using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Heal.Feed.Receiver;
using Heal.Feed.Store;
using Heal.Feed.Tests.Fixtures;
using Microsoft.Data.Sqlite;

namespace Heal.Feed.Benchmarks;

/// <summary>
/// Load benchmark of the receiver (not a test: it prints figures and asserts nothing). Starts the real receiver
/// in-process over a real SQLite file, posts realistic gzip envelopes (a .NET-SDK-shaped event with ~30 frames,
/// 50 groups, varying messages) from N concurrent connections, and prints throughput, latency of durable
/// acknowledgements, 429s, peak working set and where the receiver's time went. Then an overload run: the store is
/// locked for a while (a stalled disk) under many connections, to show 429s instead of memory growth.
/// With <c>--store postgres</c> the store is a real PostgreSQL 15 the benchmark starts in a temporary folder with its
/// default durability (fsync on, synchronous_commit on) and stops afterwards; only the throughput run applies there.
/// Usage: heal-feed-bench [--events N] [--connections C] [--overload-connections C] [--sync normal|full] [--store sqlite|postgres] [--profile-only]
/// </summary>
public static class Program
{
    private static int s_lastMeanBatch = 64;

    public static async Task<int> Main(string[] args)
    {
        var events = Option(args, "--events", 60_000);
        var connections = Option(args, "--connections", 32);
        var overloadConnections = Option(args, "--overload-connections", 512);
        var sync = args.SkipWhile(a => a != "--sync").Skip(1).FirstOrDefault() == "full" ? StoreSynchronous.Full : StoreSynchronous.Normal;

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {LoadAverage()}, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");
        if (args.SkipWhile(a => a != "--store").Skip(1).FirstOrDefault() == "postgres")
        {
            return await PostgresRun.RunAsync(events, connections, Prepare);
        }
        Console.WriteLine($"preparing {events} gzip envelopes...");
        var bodies = Prepare(events);

        Console.WriteLine($"  mean envelope: {bodies.Average(b => b.Length):0} bytes gzip, event JSON ~{Encoding.UTF8.GetByteCount(SentryPayloads.DotNetEvent(SentryPayloads.NewId())):0} bytes");

        var folder = Directory.CreateTempSubdirectory("heal-feed-bench-");
        try
        {
            if (args.Contains("--profile-only"))
            {
                // The stage costs alone: quick to repeat while tuning one stage.
                PhaseProfile.Run(bodies.Take(Math.Min(bodies.Length, 10_000)).ToArray(), s_lastMeanBatch, Path.Combine(folder.FullName, "profile.db"));
                return 0;
            }

            // Warm-up (JIT, SQLite pages, connection pool) on its own store, not measured.
            await RunAsync(Path.Combine(folder.FullName, "warmup.db"), Prepare(3000), connections, sync, ReceiverLimits.Default, print: false, lockStoreFor: null);

            Console.WriteLine();
            Console.WriteLine($"== throughput: {events} events, {connections} connections, synchronous={sync}");
            await RunAsync(Path.Combine(folder.FullName, "throughput.db"), bodies, connections, sync, ReceiverLimits.Default, print: true, lockStoreFor: null);

            Console.WriteLine();
            var overloadEvents = Math.Min(events, 40_000);
            var overloadLimits = new ReceiverLimits(MaxQueuedRequests: 256, MaxInFlightBytes: 64L << 20);
            Console.WriteLine($"== overload: {overloadEvents} events, {overloadConnections} connections, store locked for the first 2 s (a stalled disk), queue {overloadLimits.MaxQueuedRequests} requests / {overloadLimits.MaxInFlightBytes >> 20} MiB");
            await RunAsync(Path.Combine(folder.FullName, "overload.db"), Prepare(overloadEvents), overloadConnections, sync, overloadLimits, print: true, lockStoreFor: TimeSpan.FromSeconds(2));

            Console.WriteLine();
            Console.WriteLine("== where the time goes");
            PhaseProfile.Run(bodies.Take(Math.Min(bodies.Length, 10_000)).ToArray(), s_lastMeanBatch, Path.Combine(folder.FullName, "profile.db"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }

        return 0;
    }

    private static async Task RunAsync(string path, IReadOnlyList<byte[]> bodies, int connections, StoreSynchronous sync, ReceiverLimits limits, bool print, TimeSpan? lockStoreFor)
    {
        await using var store = SqliteErrorStore.Open(path, new StoreOptions(MaxEventsPerGroup: 1_000_000, MaxTotalBytes: long.MaxValue, Synchronous: sync));
        await RunAsync(store, bodies, connections, limits, print, lockStoreFor is null ? null : (path, lockStoreFor.Value));
    }

    /// <summary>One load run against <paramref name="store"/>; <paramref name="lockSqlite"/> holds a SQLite file's write lock for a while first.</summary>
    internal static async Task RunAsync(IErrorStore store, IReadOnlyList<byte[]> bodies, int connections, ReceiverLimits limits, bool print, (string Path, TimeSpan Hold)? lockSqlite)
    {
        var server = await FeedServer.StartAsync(new FeedServerOptions(IPAddress.Loopback, 0, Limits: limits), store, CancellationToken.None);
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var baseline = self.WorkingSet64;
        var cpuBefore = self.TotalProcessorTime;

        Task? unlock = null;
        if (lockSqlite is var (path, hold))
        {
            var blocker = new SqliteConnection($"Data Source={path};Pooling=False");
            blocker.Open();
            using (var begin = blocker.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE;";
                begin.ExecuteNonQuery();
            }

            unlock = Task.Run(async () =>
            {
                await Task.Delay(hold);
                using (var rollback = blocker.CreateCommand())
                {
                    rollback.CommandText = "ROLLBACK;";
                    rollback.ExecuteNonQuery();
                }

                blocker.Dispose();
            });
        }

        var run = await LoadGenerator.RunAsync(server.Address, bodies, connections);
        if (unlock is not null)
        {
            await unlock;
        }

        self.Refresh();
        var cpu = self.TotalProcessorTime - cpuBefore;
        var metrics = server.Metrics;
        await server.StopAsync();
        var stats = await store.GetStatsAsync(CancellationToken.None);
        if (!print)
        {
            return;
        }

        var n = Math.Max(1, metrics.CommittedEvents);
        Console.WriteLine($"  acknowledged {run.Acknowledged} of {run.Sent} in {run.Elapsed.TotalSeconds:0.00} s = {run.EventsPerSecond:0} events/s");
        Console.WriteLine($"  latency of durable acks: p50 {run.Percentile(0.50):0.00} ms, p99 {run.Percentile(0.99):0.00} ms, max {run.Percentile(1.0):0.00} ms");
        Console.WriteLine($"  429 answers: {run.Refused429}, other errors: {run.OtherErrors}");
        Console.WriteLine($"  working set: baseline {baseline >> 20} MiB, peak {run.PeakWorkingSet >> 20} MiB (+{(run.PeakWorkingSet - baseline) >> 20} MiB)");
        Console.WriteLine($"  store: {stats.Events} events, {stats.Groups} groups, {stats.Bytes >> 20} MiB raw JSON; {metrics.Batches} commits, mean batch {metrics.CommittedEvents / (double)Math.Max(1, metrics.Batches):0.0} events");
        Console.WriteLine($"  process CPU {cpu.TotalSeconds:0.00} s over {run.Elapsed.TotalSeconds:0.00} s wall = {cpu.TotalSeconds / run.Elapsed.TotalSeconds:0.00} cores busy (client and server share them)");
        Console.WriteLine($"  CPU per acknowledged event, end to end (server and load generator): {Us(cpu, Math.Max(1, run.Acknowledged))} µs");
        Console.WriteLine($"  receiver stage wall time per event (includes waiting for a core): read+gunzip {Us(metrics.Read, n)}, parse {Us(metrics.Parse, n)}, fingerprint {Us(metrics.Fingerprint, n)}; writer busy committing {metrics.Commit.TotalSeconds / run.Elapsed.TotalSeconds:P0} of the run");
        if (lockSqlite is null)
        {
            s_lastMeanBatch = (int)Math.Max(1, metrics.CommittedEvents / Math.Max(1, metrics.Batches));
        }
        Console.WriteLine($"  acknowledged ids all committed: {stats.Events >= run.Acknowledged}");
    }

    private static string Us(TimeSpan total, long events) => (total.TotalMicroseconds / events).ToString("0.0", CultureInfo.InvariantCulture);

    private static byte[][] Prepare(int count)
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

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
