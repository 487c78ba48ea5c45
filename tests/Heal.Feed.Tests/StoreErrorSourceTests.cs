using Heal.Feed.Sources;
using Heal.Feed.Store;
using Heal.Feed.Tests.Fixtures;
using static Heal.Feed.Tests.Fixtures.SentryPayloads;

namespace Heal.Feed.Tests;

public sealed class StoreErrorSourceTests
{
    [Fact]
    public async Task WatchAsync_EventsPostedAfterTheStart_AreYieldedInOrder()
    {
        await using var feed = await FeedHarness.StartAsync();
        var before = NewId();
        await feed.PostAsync("/api/1/store/", System.Text.Encoding.UTF8.GetBytes(DotNetEvent(before)));
        var source = new StoreErrorSource(feed.Store, TimeSpan.FromMilliseconds(20));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var watch = source.WatchAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        var first = watch.MoveNextAsync().AsTask();

        var ids = new[] { NewId(), NewId(), NewId() };
        foreach (var id in ids)
        {
            Assert.Equal(200, (await feed.PostAsync("/api/1/envelope/", Envelope(DotNetEvent(id, group: 7), id))).Status);
        }

        var seen = new List<string>();
        Assert.True(await first);
        seen.Add(watch.Current.Id);
        while (seen.Count < ids.Length && await watch.MoveNextAsync())
        {
            seen.Add(watch.Current.Id);
        }

        Assert.Equal(ids, seen);
    }

    [Fact]
    public async Task WatchFromAsync_CursorTakenBeforeAppends_YieldsPagesOfLaterEventsOnly()
    {
        var folder = new TempFolder();
        using var store = SqliteErrorStore.Open(folder.File("s.db"));
        await store.AppendAsync([StoreEvent(NewId())], CancellationToken.None);
        var cursor = await store.GetLastCursorAsync(CancellationToken.None);
        var ids = new[] { NewId(), NewId() };
        await store.AppendAsync(ids.Select(StoreEvent).ToList(), CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var source = new StoreErrorSource(store, TimeSpan.FromMilliseconds(10));

        await using var watch = source.WatchFromAsync(cursor, timeout.Token).GetAsyncEnumerator(timeout.Token);

        Assert.True(await watch.MoveNextAsync());
        Assert.Equal(ids, watch.Current.Select(e => e.Event.Id));
    }

    private static NewEvent StoreEvent(string id)
    {
        var json = DotNetEvent(id);
        return new NewEvent(id, "aaaaaaaaaaaaaaaa", "fingerprint", null, "System.InvalidOperationException", "boom", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow,
            null, null, System.Text.Encoding.UTF8.GetBytes(json), []);
    }

    [Fact]
    public async Task ListAndLatest_ReadTheStore()
    {
        await using var feed = await FeedHarness.StartAsync();
        var id = NewId();
        await feed.PostAsync("/api/1/envelope/", Envelope(DotNetEvent(id, type: "System.FormatException", message: "bad number"), id));
        var source = new StoreErrorSource(feed.Store);
        var group = Assert.Single(await source.ListGroupsAsync(10, CancellationToken.None));
        Assert.Equal(("System.FormatException", "bad number"), (group.Type, group.Message));
        var latest = await source.GetLatestEventAsync(group.Id, CancellationToken.None);
        Assert.Equal(id, latest!.Id);
        Assert.StartsWith("store:", source.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchAsync_Cancelled_Ends()
    {
        var folder = new TempFolder();
        using var store = SqliteErrorStore.Open(folder.File("s.db"));
        using var cancel = new CancellationTokenSource();
        var source = new StoreErrorSource(store, TimeSpan.FromMilliseconds(10));
        var enumerator = source.WatchAsync(cancel.Token).GetAsyncEnumerator(CancellationToken.None);
        var next = enumerator.MoveNextAsync().AsTask();
        await cancel.CancelAsync();
        Assert.False(await next);
        await enumerator.DisposeAsync();
        folder.Dispose();
    }
}
