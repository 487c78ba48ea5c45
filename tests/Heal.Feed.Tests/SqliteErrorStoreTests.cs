using System.Text;
using Heal.Core.Model;
using Heal.Feed.Store;
using Heal.Feed.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using static Heal.Feed.Tests.Fixtures.SentryPayloads;

namespace Heal.Feed.Tests;

public sealed class SqliteErrorStoreTests : IDisposable
{
    private static readonly DateTimeOffset s_t0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = new();

    private string DbPath => _folder.File("store.db");

    /// <summary>A stored-ready event of group <paramref name="group"/> at <paramref name="minute"/> minutes after t0.</summary>
    private static NewEvent Event(string group, int minute, string? id = null, string? release = "app@1", string message = "boom", bool authenticated = false)
    {
        id ??= NewId();
        var at = s_t0.AddMinutes(minute);
        var json = DotNetEvent(id, message: message, release: release, timestamp: at);
        return new NewEvent(id, group, group + "-fingerprint", "basis", "System.InvalidOperationException", message, at, at, release,
            StackFrame.Create("Orders.cs", "/src/Orders.cs", "void Orders.Place()", "Orders", 42, 9, true), Encoding.UTF8.GetBytes(json), [], authenticated);
    }

    private static async Task<AppendResult> AppendAsync(SqliteErrorStore store, params NewEvent[] events) =>
        await store.AppendAsync(events, CancellationToken.None);

    private static async Task<ErrorGroup> GroupAsync(SqliteErrorStore store, string id) =>
        (await store.GetGroupAsync(id, CancellationToken.None))!;

    [Fact]
    public async Task Open_EmptyFile_MigratesAndKeepsDataOnReopen()
    {
        using (var store = SqliteErrorStore.Open(DbPath))
        {
            await AppendAsync(store, Event("aaaaaaaaaaaaaaaa", 0));
        }

        using (var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            connection.Open();
            Assert.Equal(Migrations.Latest, Migrations.ReadVersion(connection));
        }

        using var reopened = SqliteErrorStore.Open(DbPath);
        Assert.Equal(new StoreStats(1, 1, (await reopened.GetStatsAsync(CancellationToken.None)).Bytes), await reopened.GetStatsAsync(CancellationToken.None));
        Assert.Equal(1, (await GroupAsync(reopened, "aaaaaaaaaaaaaaaa")).Count);
    }

    [Fact]
    public async Task ListGroupsWithLatestEvent_SeveralGroups_SameAsListThenLatestPerGroup()
    {
        using var store = SqliteErrorStore.Open(DbPath);
        await AppendAsync(store, Event("aaaaaaaaaaaaaaaa", 0, message: "a1"), Event("bbbbbbbbbbbbbbbb", 1, message: "b1"),
            Event("aaaaaaaaaaaaaaaa", 2, message: "a2"), Event("cccccccccccccccc", 3, message: "c1"));

        var joined = await store.ListGroupsWithLatestEventAsync(2, CancellationToken.None);

        var groups = await store.ListGroupsAsync(2, CancellationToken.None);
        Assert.Equal(groups, joined.Select(r => r.Group));
        Assert.Equal(["c1", "a2"], joined.Select(r => r.Latest!.Event.Culprit!.Value));
        Assert.Equal((await store.GetLatestStoredEventAsync("aaaaaaaaaaaaaaaa", CancellationToken.None))!.Cursor, joined[1].Latest!.Cursor);
    }

    [Theory]
    [InlineData("boom-a2", new[] { "boom-a2" })]
    [InlineData("boom-a1", new string[0])]
    [InlineData("boom-c1|boom-b1", new[] { "boom-c1" })]
    [InlineData("nowhere", new string[0])]
    public async Task ListGroupsWithLatestEvent_Needles_OnlyGroupsWhoseLatestEventContainsOneWithinTheLimit(string needles, string[] expected)
    {
        using var store = SqliteErrorStore.Open(DbPath);
        await AppendAsync(store, Event("aaaaaaaaaaaaaaaa", 0, message: "boom-a1"), Event("bbbbbbbbbbbbbbbb", 1, message: "boom-b1"),
            Event("aaaaaaaaaaaaaaaa", 2, message: "boom-a2"), Event("cccccccccccccccc", 3, message: "boom-c1"));

        // Limit 2: c then a; b is ranked out even though its latest event mentions boom-b1.
        var joined = await store.ListGroupsWithLatestEventAsync(2, [.. needles.Split('|').Select(Encoding.UTF8.GetBytes)], CancellationToken.None);

        Assert.Equal(expected, joined.Select(r => r.Latest!.Event.Culprit!.Value));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task GetLatestStoredEvent_Authenticated_RoundTrips(bool authenticated)
    {
        using var store = SqliteErrorStore.Open(DbPath);
        await AppendAsync(store, Event("aaaaaaaaaaaaaaaa", 0, authenticated: !authenticated), Event("aaaaaaaaaaaaaaaa", 1, authenticated: authenticated));

        var latest = await store.GetLatestStoredEventAsync("aaaaaaaaaaaaaaaa", CancellationToken.None);

        Assert.Equal(authenticated, latest!.Authenticated);
        Assert.Equal([!authenticated, authenticated], (await store.GetEventsAfterAsync(0, 10, CancellationToken.None)).Select(e => e.Authenticated));
    }

    [Fact]
    public async Task Open_StoreOfSchemaVersion1_MigratesAndReadsOldEventsAsUnauthenticated()
    {
        using (var store = SqliteErrorStore.Open(DbPath))
        {
            await AppendAsync(store, Event("aaaaaaaaaaaaaaaa", 0, authenticated: true));
        }

        // Turn the file back into what version 1 wrote: no authenticated column.
        using (var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE events DROP COLUMN authenticated; PRAGMA user_version = 1;";
            command.ExecuteNonQuery();
        }

        using var reopened = SqliteErrorStore.Open(DbPath);
        var latest = await reopened.GetLatestStoredEventAsync("aaaaaaaaaaaaaaaa", CancellationToken.None);
        Assert.False(latest!.Authenticated);
        Assert.Equal(1, (await GroupAsync(reopened, "aaaaaaaaaaaaaaaa")).Count);
    }

    [Fact]
    public void Open_StoreFromANewerHeal_IsAClearError()
    {
        using (var connection = new SqliteConnection($"Data Source={DbPath};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99;";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<StoreException>(() => SqliteErrorStore.Open(DbPath));
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenExisting_NotADatabase_IsAClearError()
    {
        File.WriteAllText(DbPath, "this is a text file, not SQLite, and it is long enough to have a header page...");
        var error = Assert.Throws<StoreException>(() => SqliteErrorStore.OpenExisting(DbPath));
        Assert.Contains("cannot open the store", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenExisting_MissingFile_IsAClearErrorAndCreatesNothing()
    {
        var error = Assert.Throws<StoreException>(() => SqliteErrorStore.OpenExisting(DbPath));
        Assert.Contains("no store at", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(DbPath));
    }

    [Fact]
    public async Task Append_SameGroup_CountsAndTracksFirstLastSeenAndRelease()
    {
        using var store = SqliteErrorStore.Open(DbPath);
        await AppendAsync(store, Event("g1", 5, release: "app@1"), Event("g1", 1, release: "app@2", message: "second"));
        var last = Event("g1", 9, release: null, message: "third");
        await AppendAsync(store, last);
        var group = await GroupAsync(store, "g1");
        Assert.Equal((3L, s_t0.AddMinutes(1), s_t0.AddMinutes(9), "app@2", "third", last.Id, GroupStatus.Open),
            (group.Count, group.FirstSeen, group.LastSeen, group.LastRelease, group.Message, group.LatestEventId, group.Status));
        Assert.Equal(("/src/Orders.cs", 42), (group.TopFrame!.Path, group.TopFrame.Line));
    }

    [Theory]
    [InlineData(GroupStatus.Resolved, GroupStatus.Regressed)]
    [InlineData(GroupStatus.Muted, GroupStatus.Muted)]
    [InlineData(GroupStatus.Regressed, GroupStatus.Regressed)]
    [InlineData(GroupStatus.Open, GroupStatus.Open)]
    public async Task Append_NewEventOnGroupWithStatus_SetsTheNextStatus(GroupStatus before, GroupStatus after)
    {
        using var store = SqliteErrorStore.Open(DbPath);
        await AppendAsync(store, Event("g1", 0));
        Assert.True(await store.SetStatusAsync("g1", before, CancellationToken.None));
        await AppendAsync(store, Event("g1", 1));
        Assert.Equal(after, (await GroupAsync(store, "g1")).Status);
    }

    [Fact]
    public async Task SetStatus_UnknownGroup_ReturnsFalse()
    {
        using var store = SqliteErrorStore.Open(DbPath);
        Assert.False(await store.SetStatusAsync("nope", GroupStatus.Muted, CancellationToken.None));
    }

    [Fact]
    public async Task Append_DuplicateIds_AreIgnoredAcrossAndWithinBatches()
    {
        using var store = SqliteErrorStore.Open(DbPath);
        var first = Event("g1", 0);
        Assert.Equal(new AppendResult(1, 1, 0), await AppendAsync(store, first, first));
        Assert.Equal(new AppendResult(0, 1, 0), await AppendAsync(store, first with { Message = "changed" }));
        var group = await GroupAsync(store, "g1");
        Assert.Equal((1L, "boom"), (group.Count, group.Message));
        Assert.Equal(1, (await store.GetStatsAsync(CancellationToken.None)).Events);
    }

    [Fact]
    public async Task Append_PastTheGroupCap_EvictsThatGroupsOldestEvents()
    {
        using var store = SqliteErrorStore.Open(DbPath, new StoreOptions(MaxEventsPerGroup: 3));
        var events = Enumerable.Range(0, 5).Select(i => Event("g1", i)).ToArray();
        await AppendAsync(store, events[..2]);
        await AppendAsync(store, events[2..]);
        await AppendAsync(store, Event("g2", 10));
        var kept = (await store.GetEventsAfterAsync(0, 100, CancellationToken.None)).Select(e => e.Event.Id).ToArray();
        Assert.Equal([events[2].Id, events[3].Id, events[4].Id, kept[^1]], kept);
        Assert.Equal(5, (await GroupAsync(store, "g1")).Count);
        Assert.Equal(events[4].Id, (await store.GetLatestEventAsync("g1", CancellationToken.None))!.Id);
    }

    [Fact]
    public async Task Append_PastTheByteCap_EvictsTheStoresOldestEvents()
    {
        var events = Enumerable.Range(0, 6).Select(i => Event(i % 2 == 0 ? "even" : "odd", i)).ToArray();
        var size = events.Max(e => e.RawJson.Length);
        using var store = SqliteErrorStore.Open(DbPath, new StoreOptions(MaxTotalBytes: 4L * size));
        foreach (var e in events)
        {
            await AppendAsync(store, e);
        }

        var kept = (await store.GetEventsAfterAsync(0, 100, CancellationToken.None)).Select(e => e.Event.Id);
        Assert.Equal(events[2..].Select(e => e.Id), kept);
        Assert.True((await store.GetStatsAsync(CancellationToken.None)).Bytes <= 4L * size);
        Assert.Equal((3L, 3L), ((await GroupAsync(store, "even")).Count, (await GroupAsync(store, "odd")).Count));
    }

    [Fact]
    public async Task ListGroups_SeveralGroups_MostRecentlySeenFirstUpToTheLimit()
    {
        using var store = SqliteErrorStore.Open(DbPath);
        await AppendAsync(store, Event("old", 1), Event("new", 30), Event("mid", 10));
        Assert.Equal(["new", "mid"], (await store.ListGroupsAsync(2, CancellationToken.None)).Select(g => g.Id));
    }

    [Fact]
    public async Task GetEventsAfter_Cursor_ReturnsOnlyLaterEventsInOrder()
    {
        using var store = SqliteErrorStore.Open(DbPath);
        var events = Enumerable.Range(0, 4).Select(i => Event("g", i)).ToArray();
        await AppendAsync(store, events);
        var all = await store.GetEventsAfterAsync(0, 10, CancellationToken.None);
        var rest = await store.GetEventsAfterAsync(all[1].Cursor, 10, CancellationToken.None);
        Assert.Equal(events[2..].Select(e => e.Id), rest.Select(e => e.Event.Id));
        Assert.Equal(all[^1].Cursor, await store.GetLastCursorAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GetLatestEvent_UnknownGroup_IsNull()
    {
        using var store = SqliteErrorStore.Open(DbPath);
        Assert.Null(await store.GetLatestEventAsync("nope", CancellationToken.None));
    }

    public void Dispose() => _folder.Dispose();
}
