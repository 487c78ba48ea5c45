using Heal.Feed.Receiver;
using Heal.Feed.Store;
using Heal.Testing;

namespace Heal.Feed.Benchmarks;

/// <summary>
/// <c>--store postgres</c>: the same throughput run as for SQLite, into a real PostgreSQL started for the run with its
/// default durability (fsync and synchronous_commit on: an acknowledgement means the WAL reached the disk). The overload
/// run and the stage profile hold SQLite's file lock and open SQLite files, so they stay SQLite-only.
/// </summary>
internal static class PostgresRun
{
    public static async Task<int> RunAsync(int events, int connections, Func<int, byte[][]> prepare)
    {
        Console.WriteLine("starting PostgreSQL (initdb in a temporary folder, fsync on)...");
        await using var server = await PostgresServer.StartAsync(durable: true);
        var options = new StoreOptions(MaxEventsPerGroup: 1_000_000, MaxTotalBytes: long.MaxValue);
        var bodies = prepare(events);
        await using (var warmup = ErrorStores.Open(server.Url(await server.CreateDatabaseAsync("warmup")), options: options))
        {
            await Program.RunAsync(warmup, prepare(3000), connections, ReceiverLimits.Default, print: false, lockSqlite: null);
        }

        Console.WriteLine();
        Console.WriteLine($"== throughput into PostgreSQL: {events} events, {connections} connections, synchronous_commit=on");
        await using var store = ErrorStores.Open(server.Url(await server.CreateDatabaseAsync("throughput")), options: options);
        await Program.RunAsync(store, bodies, connections, ReceiverLimits.Default, print: true, lockSqlite: null);
        return 0;
    }
}
