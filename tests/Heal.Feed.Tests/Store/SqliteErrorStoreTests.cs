using Heal.Feed.Store;
using Heal.Feed.Tests.Fixtures;
using Microsoft.Data.Sqlite;

namespace Heal.Feed.Tests.Store;

/// <summary>The store suite on SQLite, plus what only a file can get wrong.</summary>
public sealed class SqliteErrorStoreTests : ErrorStoreSuite, IDisposable
{
    private readonly TempFolder _folder = new();

    private string DbPath => _folder.File("store.db");

    protected override int LatestSchemaVersion => Migrations.Latest;

    protected override Task<IErrorStore> OpenAsync(StoreOptions? options = null) => Task.FromResult(ErrorStores.Open(DbPath, options: options));

    protected override Task<IErrorStore> OpenExistingAsync() => Task.FromResult(ErrorStores.OpenExisting(DbPath));

    protected override Task<int> ReadSchemaVersionAsync()
    {
        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        return Task.FromResult(Migrations.ReadVersion(connection));
    }

    protected override Task SetSchemaVersionAsync(int version)
    {
        Execute($"PRAGMA user_version = {version};");
        return Task.CompletedTask;
    }

    protected override Task<bool> LocationHoldsAnythingAsync() => Task.FromResult(File.Exists(DbPath));

    [Fact]
    public async Task Open_StoreOfSchemaVersion1_MigratesAndReadsOldEventsAsUnauthenticated()
    {
        await using (var store = await OpenAsync())
        {
            await AppendAsync(store, Event("aaaaaaaaaaaaaaaa", 0, authenticated: true));
        }

        // Turn the file back into what version 1 wrote: no authenticated column.
        Execute("ALTER TABLE events DROP COLUMN authenticated; PRAGMA user_version = 1;");

        await using var reopened = await OpenAsync();
        var latest = await reopened.GetLatestStoredEventAsync("aaaaaaaaaaaaaaaa", CancellationToken.None);
        Assert.False(latest!.Authenticated);
        Assert.Equal(1, (await GroupAsync(reopened, "aaaaaaaaaaaaaaaa")).Count);
    }

    [Fact]
    public void OpenExisting_NotADatabase_IsAClearError()
    {
        File.WriteAllText(DbPath, "this is a text file, not SQLite, and it is long enough to have a header page...");
        var error = Assert.Throws<StoreException>(() => SqliteErrorStore.OpenExisting(DbPath));
        Assert.Contains("cannot open the store", error.Message, StringComparison.Ordinal);
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => _folder.Dispose();
}
