using Heal.Feed.Receiver;
using Heal.Feed.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using static Heal.Feed.Tests.Fixtures.SentryPayloads;

namespace Heal.Feed.Tests;

/// <summary>When the writer cannot keep up, the receiver answers 429 with Retry-After instead of queueing without bound.</summary>
public sealed class ReceiverOverloadTests
{
    [Fact]
    public async Task Post_WriterBlockedAndQueueFull_Answers429WithRetryAfterAndAcknowledgesOnlyCommits()
    {
        // One event per batch and one queued request: while the store is locked, the writer holds one request and the
        // queue one more; everything else must be refused, not buffered.
        await using var feed = await FeedHarness.StartAsync(limits: new ReceiverLimits(MaxQueuedRequests: 1, MaxBatchEvents: 1, RetryAfterSeconds: 7));
        using var blocker = new SqliteConnection($"Data Source={feed.Store.FilePath};Pooling=False");
        blocker.Open();
        using var lockStore = blocker.CreateCommand();
        lockStore.CommandText = "BEGIN IMMEDIATE;";
        lockStore.ExecuteNonQuery();

        var posts = Enumerable.Range(0, 6).Select(_ =>
        {
            var id = NewId();
            return feed.PostAsync("/api/1/envelope/", Envelope(DotNetEvent(id), id));
        }).ToList();

        // At most two requests can be held, so at least four answers arrive while the store is still locked.
        var answered = new List<FeedAnswer>();
        var pending = posts.ToList();
        while (answered.Count < 4)
        {
            var done = await Task.WhenAny(pending).WaitAsync(TimeSpan.FromSeconds(30));
            pending.Remove(done);
            answered.Add(await done);
        }

        Assert.All(answered, a => Assert.Equal((429, "overloaded", TimeSpan.FromSeconds(7)), (a.Status, a.Error!, a.RetryAfter!.Delta!.Value)));
        Assert.Equal(0, await feed.CountEventsAsync());

        lockStore.CommandText = "ROLLBACK;";
        lockStore.ExecuteNonQuery();
        var rest = await Task.WhenAll(pending).WaitAsync(TimeSpan.FromSeconds(30));
        var acknowledged = answered.Concat(rest).Count(a => a.Status == 200);
        Assert.InRange(acknowledged, 1, 2);
        Assert.Equal(acknowledged, await feed.CountEventsAsync());
        await feed.AssertStillServesAsync();
    }

    [Fact]
    public async Task Post_MemoryBudgetSpent_Answers429()
    {
        await using var feed = await FeedHarness.StartAsync(limits: new ReceiverLimits(MaxInFlightBytes: 1 << 20));
        Assert.True(feed.Server.Budget.TryReserve(1 << 20));
        var id = NewId();
        var answer = await feed.PostAsync("/api/1/envelope/", Envelope(DotNetEvent(id), id));
        Assert.Equal((429, "overloaded"), (answer.Status, answer.Error));
        feed.Server.Budget.Release(1 << 20);
        await feed.AssertStillServesAsync();
        Assert.Equal(0, feed.Server.Budget.Used);
    }
}
