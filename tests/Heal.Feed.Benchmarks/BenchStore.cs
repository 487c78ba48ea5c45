using Heal.Feed.Store;
using Microsoft.Data.Sqlite;

namespace Heal.Feed.Benchmarks;

/// <summary>
/// The store a benchmark run writes to: what <c>heal feed --store</c> is given, how to read back what it holds, and how
/// to stall it (the overload run). <c>--store sqlite</c> is the default; a new engine is one more case in <see cref="Create"/>.
/// </summary>
public abstract class BenchStore : IAsyncDisposable
{
    /// <summary>The value passed to <c>heal feed --store</c>.</summary>
    public abstract string FeedArgument { get; }

    public abstract string Describe { get; }

    public static Task<BenchStore> Create(string kind, string folder, string name) => kind switch
    {
        "sqlite" => Task.FromResult<BenchStore>(new SqliteBenchStore(Path.Combine(folder, name + ".db"))),
        _ => throw new ArgumentException($"--store {kind} is not known; known: sqlite", nameof(kind)),
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
}
