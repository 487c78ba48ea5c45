using Heal.Core.Model;
using Heal.Feed.Store;
using Heal.Testing;

namespace Heal.Feed.Tests.Store;

/// <summary>
/// The store suite on a real PostgreSQL (<see cref="PostgresServer"/>, one server per test run, one new database per
/// test), plus what only several writers on one database can get wrong.
/// </summary>
public sealed class PostgresErrorStoreTests : ErrorStoreSuite, IAsyncLifetime
{
    private PostgresServer _server = null!;
    private string _database = null!;

    private StoreLocation Location => StoreLocation.Parse(_server.Url(_database));

    protected override int LatestSchemaVersion => PostgresMigrations.Latest;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.SharedAsync();
        _database = await _server.CreateDatabaseAsync("store");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    protected override Task<IErrorStore> OpenAsync(StoreOptions? options = null) => Task.FromResult(ErrorStores.Open(Location, options));

    protected override Task<IErrorStore> OpenExistingAsync() => Task.FromResult(ErrorStores.OpenExisting(Location));

    protected override async Task<int> ReadSchemaVersionAsync() =>
        Convert.ToInt32((await _server.QueryAsync(_database, "SELECT version FROM heal_schema;")).Single(), System.Globalization.CultureInfo.InvariantCulture);

    protected override Task SetSchemaVersionAsync(int version) => _server.QueryAsync(_database, $"UPDATE heal_schema SET version = {version};");

    protected override async Task<bool> LocationHoldsAnythingAsync() =>
        (await _server.QueryAsync(_database, "SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public';")).Single() is not 0L;

    [Fact]
    public async Task Open_SeveralInstancesAtOnce_MigrateOnce()
    {
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => ErrorStores.Open(Location))));

        Assert.Equal([PostgresMigrations.Latest], (await _server.QueryAsync(_database, "SELECT version FROM heal_schema;")).Select(Convert.ToInt32));
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task Append_FourStoresOnOneDatabaseConcurrently_CountsExactNoDuplicateAndCursorsInCommitOrder()
    {
        const int Stores = 4;
        const int BatchesPerStore = 10;
        var stores = Enumerable.Range(0, Stores).Select(_ => ErrorStores.Open(Location, new StoreOptions(MaxEventsPerGroup: 10_000))).ToArray();
        var shared = Event("resent", 0);
        await AppendAsync(stores[0], Event("g0", 0));
        await stores[0].SetStatusAsync("g0", GroupStatus.Resolved, CancellationToken.None);

        // Every store writes batches touching the same five groups, and each batch resends one shared event id.
        var written = await Task.WhenAll(stores.Select((store, s) => Task.Run(async () =>
        {
            var mine = new List<NewEvent>();
            for (var b = 0; b < BatchesPerStore; b++)
            {
                var batch = Enumerable.Range(0, 8).Select(i => Event("g" + (i % 5), (s * 1000) + (b * 10) + i)).ToList();
                mine.AddRange(batch);
                await store.AppendAsync([.. batch, shared], CancellationToken.None);
            }

            return mine;
        })));

        await using var reader = ErrorStores.OpenExisting(Location);
        var all = written.SelectMany(w => w).ToList();
        foreach (var group in all.GroupBy(e => e.GroupId))
        {
            var expected = group.Count() + (group.Key == "g0" ? 1 : 0);
            Assert.Equal(expected, (await GroupAsync(reader, group.Key)).Count);
        }

        Assert.Equal(GroupStatus.Regressed, (await GroupAsync(reader, "g0")).Status);
        Assert.Equal(1, (await GroupAsync(reader, "resent")).Count);
        var stats = await reader.GetStatsAsync(CancellationToken.None);
        Assert.Equal((6L, all.Count + 2L), (stats.Groups, stats.Events));
        var cursors = (await reader.GetEventsAfterAsync(0, 10_000, CancellationToken.None)).Select(e => e.Cursor).ToList();
        Assert.Equal(cursors.Order(), cursors);
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task Open_WrongPassword_IsAClearErrorWithoutThePassword()
    {
        var url = _server.Url(_database).Replace(":" + _server.Url(_database).Split(':')[2].Split('@')[0] + "@", ":wrong-secret-42@", StringComparison.Ordinal);

        var error = Assert.Throws<StoreException>(() => ErrorStores.Open(url));

        Assert.Contains("cannot open the store postgres://heal@127.0.0.1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-secret-42", error.Message, StringComparison.Ordinal);
    }
}
