using System.Text;
using Heal.Core.Model;
using Heal.Feed.Store;
using static Heal.Feed.Tests.Fixtures.SentryPayloads;

namespace Heal.Feed.Tests.Store;

/// <summary>
/// What every <see cref="IErrorStore"/> must do, run once per engine (<see cref="SqliteErrorStoreTests"/>,
/// <see cref="PostgresErrorStoreTests"/>): migrations on open, counts, first/last seen, statuses and regressions,
/// idempotent resends, both retention caps, cursors and paging. Each test gets a fresh, empty store location.
/// </summary>
public abstract class ErrorStoreSuite
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Opens (creating and migrating when needed) this test's store; every call opens the same location.</summary>
    protected abstract Task<IErrorStore> OpenAsync(StoreOptions? options = null);

    /// <summary>Opens this test's store as a reader does: it must already exist.</summary>
    protected abstract Task<IErrorStore> OpenExistingAsync();

    protected abstract Task<int> ReadSchemaVersionAsync();

    protected abstract Task SetSchemaVersionAsync(int version);

    /// <summary>The schema version this build writes for the engine.</summary>
    protected abstract int LatestSchemaVersion { get; }

    /// <summary>Whether the location holds anything at all (a file, or any table).</summary>
    protected abstract Task<bool> LocationHoldsAnythingAsync();

    /// <summary>A stored-ready event of group <paramref name="group"/> at <paramref name="minute"/> minutes after t0.</summary>
    protected static NewEvent Event(string group, int minute, string? id = null, string? release = "app@1", string message = "boom", bool authenticated = false)
    {
        id ??= NewId();
        var at = T0.AddMinutes(minute);
        var json = DotNetEvent(id, message: message, release: release, timestamp: at);
        return new NewEvent(id, group, group + "-fingerprint", "basis", "System.InvalidOperationException", message, at, at, release,
            StackFrame.Create("Orders.cs", "/src/Orders.cs", "void Orders.Place()", "Orders", 42, 9, true), Encoding.UTF8.GetBytes(json), [], authenticated);
    }

    protected static async Task<AppendResult> AppendAsync(IErrorStore store, params NewEvent[] events) =>
        await store.AppendAsync(events, CancellationToken.None);

    protected static async Task<ErrorGroup> GroupAsync(IErrorStore store, string id) =>
        (await store.GetGroupAsync(id, CancellationToken.None))!;

    [Fact]
    public async Task Open_EmptyStore_MigratesAndKeepsDataOnReopen()
    {
        await using (var store = await OpenAsync())
        {
            await AppendAsync(store, Event("aaaaaaaaaaaaaaaa", 0));
        }

        Assert.Equal(LatestSchemaVersion, await ReadSchemaVersionAsync());
        await using var reopened = await OpenAsync();
        var stats = await reopened.GetStatsAsync(CancellationToken.None);
        Assert.Equal((1L, 1L), (stats.Groups, stats.Events));
        Assert.True(stats.Bytes > 0);
        Assert.Equal(1, (await GroupAsync(reopened, "aaaaaaaaaaaaaaaa")).Count);
    }

    [Fact]
    public async Task Open_StoreFromANewerHeal_IsAClearError()
    {
        await (await OpenAsync()).DisposeAsync();
        await SetSchemaVersionAsync(99);

        var error = await Assert.ThrowsAsync<StoreException>(() => OpenAsync());

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenExisting_NothingThere_IsAClearErrorAndCreatesNothing()
    {
        var error = await Assert.ThrowsAsync<StoreException>(OpenExistingAsync);

        Assert.Contains("Start 'heal feed --store", error.Message, StringComparison.Ordinal);
        Assert.False(await LocationHoldsAnythingAsync());
    }

    [Fact]
    public async Task ListGroupsWithLatestEvent_SeveralGroups_SameAsListThenLatestPerGroup()
    {
        await using var store = await OpenAsync();
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
        await using var store = await OpenAsync();
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
        await using var store = await OpenAsync();
        await AppendAsync(store, Event("aaaaaaaaaaaaaaaa", 0, authenticated: !authenticated), Event("aaaaaaaaaaaaaaaa", 1, authenticated: authenticated));

        var latest = await store.GetLatestStoredEventAsync("aaaaaaaaaaaaaaaa", CancellationToken.None);

        Assert.Equal(authenticated, latest!.Authenticated);
        Assert.Equal([!authenticated, authenticated], (await store.GetEventsAfterAsync(0, 10, CancellationToken.None)).Select(e => e.Authenticated));
    }

    [Fact]
    public async Task GetLatestRawEvent_StoredEvent_IsTheBytesAsReceived()
    {
        await using var store = await OpenAsync();
        var first = Event("g1", 0);
        var second = Event("g1", 1, message: "second");
        await AppendAsync(store, first, second);

        var raw = await store.GetLatestRawEventAsync("g1", CancellationToken.None);

        Assert.Equal(second.RawJson.ToArray(), raw!.Value.RawJson);
        Assert.Equal(second.ReceivedAt, raw.Value.ReceivedAt);
        Assert.Null(await store.GetLatestRawEventAsync("nope", CancellationToken.None));
    }

    [Fact]
    public async Task Append_SameGroup_CountsAndTracksFirstLastSeenAndRelease()
    {
        await using var store = await OpenAsync();
        await AppendAsync(store, Event("g1", 5, release: "app@1"), Event("g1", 1, release: "app@2", message: "second"));
        var last = Event("g1", 9, release: null, message: "third");
        await AppendAsync(store, last);
        var group = await GroupAsync(store, "g1");
        Assert.Equal((3L, T0.AddMinutes(1), T0.AddMinutes(9), "app@2", "third", last.Id, GroupStatus.Open),
            (group.Count, group.FirstSeen, group.LastSeen, group.LastRelease, group.Message, group.LatestEventId, group.Status));
        Assert.Equal(("/src/Orders.cs", 42, true), (group.TopFrame!.Path, group.TopFrame.Line, group.TopFrame.InApp));
    }

    [Theory]
    [InlineData(GroupStatus.Resolved, GroupStatus.Regressed)]
    [InlineData(GroupStatus.Muted, GroupStatus.Muted)]
    [InlineData(GroupStatus.Regressed, GroupStatus.Regressed)]
    [InlineData(GroupStatus.Open, GroupStatus.Open)]
    public async Task Append_NewEventOnGroupWithStatus_SetsTheNextStatus(GroupStatus before, GroupStatus after)
    {
        await using var store = await OpenAsync();
        await AppendAsync(store, Event("g1", 0));
        Assert.True(await store.SetStatusAsync("g1", before, CancellationToken.None));
        await AppendAsync(store, Event("g1", 1));
        Assert.Equal(after, (await GroupAsync(store, "g1")).Status);
    }

    [Fact]
    public async Task SetStatus_UnknownGroup_ReturnsFalse()
    {
        await using var store = await OpenAsync();
        Assert.False(await store.SetStatusAsync("nope", GroupStatus.Muted, CancellationToken.None));
    }

    [Fact]
    public async Task Append_DuplicateIds_AreIgnoredAcrossAndWithinBatches()
    {
        await using var store = await OpenAsync();
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
        await using var store = await OpenAsync(new StoreOptions(MaxEventsPerGroup: 3));
        var events = Enumerable.Range(0, 5).Select(i => Event("g1", i)).ToArray();
        await AppendAsync(store, events[..2]);
        Assert.Equal(new AppendResult(3, 0, 2), await AppendAsync(store, events[2..]));
        await AppendAsync(store, Event("g2", 10));
        var kept = (await store.GetEventsAfterAsync(0, 100, CancellationToken.None)).Select(e => e.Event.Id).ToArray();
        Assert.Equal([events[2].Id, events[3].Id, events[4].Id, kept[^1]], kept);
        Assert.Equal(5, (await GroupAsync(store, "g1")).Count);
        Assert.Equal(events[4].Id, (await store.GetLatestEventAsync("g1", CancellationToken.None))!.Id);
        var stats = await store.GetStatsAsync(CancellationToken.None);
        Assert.Equal((Groups: 2L, Events: 4L, Seen: 6L), (stats.Groups, stats.Events, stats.Seen));
    }

    [Fact]
    public async Task Append_PastTheByteCap_EvictsTheStoresOldestEvents()
    {
        var events = Enumerable.Range(0, 6).Select(i => Event(i % 2 == 0 ? "even" : "odd", i)).ToArray();
        var size = events.Max(e => e.RawJson.Length);
        await using var store = await OpenAsync(new StoreOptions(MaxTotalBytes: 4L * size));
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
    public async Task Append_PastTheByteCapAfterReopen_StillCountsTheBytesAlreadyStored()
    {
        var events = Enumerable.Range(0, 4).Select(i => Event("g", i)).ToArray();
        var size = events.Max(e => e.RawJson.Length);
        var options = new StoreOptions(MaxTotalBytes: 3L * size);
        await using (var store = await OpenAsync(options))
        {
            await AppendAsync(store, events[..3]);
        }

        await using var reopened = await OpenAsync(options);
        Assert.Equal(new AppendResult(1, 0, 1), await AppendAsync(reopened, events[3]));
        Assert.Equal(events[1..].Select(e => e.Id), (await reopened.GetEventsAfterAsync(0, 100, CancellationToken.None)).Select(e => e.Event.Id));
    }

    [Fact]
    public async Task ListGroups_SeveralGroups_MostRecentlySeenFirstUpToTheLimit()
    {
        await using var store = await OpenAsync();
        await AppendAsync(store, Event("old", 1), Event("new", 30), Event("mid", 10));
        Assert.Equal(["new", "mid"], (await store.ListGroupsAsync(2, CancellationToken.None)).Select(g => g.Id));
    }

    [Fact]
    public async Task ListGroupsPage_StatusesAndCursor_PagesInListOrderWithoutGapsOrRepeats()
    {
        await using var store = await OpenAsync();
        // Two groups share a last-seen time, so the cursor must break the tie by id.
        await AppendAsync(store, Event("a", 5), Event("b", 5), Event("c", 7), Event("d", 1), Event("e", 9));
        await store.SetStatusAsync("c", GroupStatus.Resolved, CancellationToken.None);
        await store.SetStatusAsync("d", GroupStatus.Muted, CancellationToken.None);

        var pages = new List<string>();
        GroupPageCursor? after = null;
        while (true)
        {
            var page = await store.ListGroupsPageAsync([GroupStatus.Open, GroupStatus.Regressed], after, 1, CancellationToken.None);
            if (page.Count == 0)
            {
                break;
            }

            pages.Add(page[0].Id);
            after = new GroupPageCursor(page[0].LastSeen.ToUnixTimeMilliseconds(), page[0].Id);
        }

        Assert.Equal(["e", "a", "b"], pages);
        Assert.Equal(["e", "c", "a", "b", "d"], (await store.ListGroupsPageAsync([], null, 10, CancellationToken.None)).Select(g => g.Id));
        Assert.Equal(["d"], (await store.ListGroupsPageAsync([GroupStatus.Muted], null, 10, CancellationToken.None)).Select(g => g.Id));
    }

    [Fact]
    public async Task GetEventsAfter_Cursor_ReturnsOnlyLaterEventsInOrder()
    {
        await using var store = await OpenAsync();
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
        await using var store = await OpenAsync();
        Assert.Null(await store.GetLatestEventAsync("nope", CancellationToken.None));
        Assert.Null(await store.GetGroupAsync("nope", CancellationToken.None));
    }

    [Fact]
    public async Task GetGroups_KnownUnknownAndQuotedIds_ReturnsTheKnownOnesWithTheirCountsInOneAnswer()
    {
        await using var store = await OpenAsync();
        await AppendAsync(store, Event("aaaaaaaaaaaaaaaa", 0), Event("aaaaaaaaaaaaaaaa", 1), Event("bbbbbbbbbbbbbbbb", 2));

        var groups = await store.GetGroupsAsync(["bbbbbbbbbbbbbbbb", "nope", "aaaaaaaaaaaaaaaa", "x' OR '1'='1", "\"]"], CancellationToken.None);

        Assert.Equal([("aaaaaaaaaaaaaaaa", 2L), ("bbbbbbbbbbbbbbbb", 1L)], groups.Select(g => (g.Id, g.Count)).Order().ToArray());
        Assert.Empty(await store.GetGroupsAsync([], CancellationToken.None));
    }
}
