using Heal.Feed.Store;
using Heal.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Heal.Feed.Benchmarks;

/// <summary>
/// The store a benchmark run writes to: what <c>heal feed --store</c> is given, how to read back what it holds, and how
/// to stall it (the overload run). <c>--store sqlite</c> is the default; <c>--store postgres</c> starts a real PostgreSQL 15
/// for each run (initdb in a temporary folder, its default durability: fsync and synchronous_commit on, so an
/// acknowledgement means the WAL reached the disk) and stops it afterwards. A new engine is one more case in <see cref="Create"/>.
/// </summary>
public abstract class BenchStore : IAsyncDisposable
{
    /// <summary>The value passed to <c>heal feed --store</c>.</summary>
    public abstract string FeedArgument { get; }

    public abstract string Describe { get; }

    public static Task<BenchStore> Create(string kind, string folder, string name) => kind switch
    {
        "sqlite" => Task.FromResult<BenchStore>(new SqliteBenchStore(Path.Combine(folder, name + ".db"))),
        "postgres" => PostgresBenchStore.StartAsync(name),
        _ => throw new ArgumentException($"--store {kind} is not known; known: sqlite, postgres", nameof(kind)),
    };

    /// <summary>Events and groups held (read after the feed stopped).</summary>
    public abstract Task<StoreStats> StatsAsync();

    /// <summary>Holds the store's write lock for <paramref name="duration"/>, as a stalled disk would; returns once it is held.</summary>
    public abstract Task<Task> StallAsync(TimeSpan duration);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class SqliteBenchStore(string path) : BenchStore
    {
        public override string FeedArgument => path;

        public override string Describe => "SQLite (WAL, synchronous=NORMAL)";

        public override async Task<StoreStats> StatsAsync()
        {
            await using var store = SqliteErrorStore.OpenExisting(path);
            return await store.GetStatsAsync(CancellationToken.None);
        }

        public override Task<Task> StallAsync(TimeSpan duration)
        {
            var blocker = new SqliteConnection($"Data Source={path};Pooling=False");
            blocker.Open();
            using (var begin = blocker.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE;";
                begin.ExecuteNonQuery();
            }

            return Task.FromResult(Task.Run(async () =>
            {
                await Task.Delay(duration);
                using (var rollback = blocker.CreateCommand())
                {
                    rollback.CommandText = "ROLLBACK;";
                    rollback.ExecuteNonQuery();
                }

                blocker.Dispose();
            }));
        }
    }

    private sealed class PostgresBenchStore(PostgresServer server, string url) : BenchStore
    {
        public override string FeedArgument => url;

        public override string Describe => "PostgreSQL 15 (fsync on, synchronous_commit on)";

        public static async Task<BenchStore> StartAsync(string name)
        {
            var server = await PostgresServer.StartAsync(durable: true);
            return new PostgresBenchStore(server, server.Url(await server.CreateDatabaseAsync(name)));
        }

        public override async Task<StoreStats> StatsAsync()
        {
            await using var store = ErrorStores.OpenExisting(url);
            return await store.GetStatsAsync(CancellationToken.None);
        }

        public override async Task<Task> StallAsync(TimeSpan duration)
        {
            // The feed has created the schema by now; an exclusive lock on events stalls every append, as a stuck disk would.
            var blocker = new NpgsqlConnection(StoreLocation.Parse(url).ConnectionString);
            await blocker.OpenAsync();
            var transaction = await blocker.BeginTransactionAsync();
            await using (var command = new NpgsqlCommand("LOCK TABLE events IN ACCESS EXCLUSIVE MODE;", blocker, transaction))
            {
                await command.ExecuteNonQueryAsync();
            }

            return Task.Run(async () =>
            {
                await Task.Delay(duration);
                await transaction.RollbackAsync();
                await blocker.DisposeAsync();
            });
        }

        public override async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await server.DisposeAsync();
        }
    }
}
