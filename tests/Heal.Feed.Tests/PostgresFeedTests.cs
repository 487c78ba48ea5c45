using System.Collections.Concurrent;
using Heal.Core.Model;
using Heal.Feed.Store;
using Heal.Feed.Tests.Fixtures;
using Heal.Testing;
using static Heal.Feed.Tests.Fixtures.SentryPayloads;

namespace Heal.Feed.Tests;

/// <summary>
/// The real <c>heal feed</c> CLI on one real PostgreSQL database: several instances writing at once, and the
/// acknowledgement contract under SIGKILL.
/// </summary>
public sealed class PostgresFeedTests
{
    private const string TeamKey = "5f0c8a1e9b7d4c3a8e6f2b1d0c9a8e7f";

    [Fact]
    public async Task TwoFeeds_OneDatabaseConcurrentClients_NoLostEventNoDuplicateGroupExactCountsRegressedKept()
    {
        const int ClientsPerFeed = 3;
        const int EventsPerClient = 40;
        const int Groups = 6;
        var server = await PostgresServer.SharedAsync();
        var database = await server.CreateDatabaseAsync("twofeeds");
        var url = server.Url(database);
        // Both start at once, so both race to create the schema; a team's instances share one DSN key.
        var feeds = await Task.WhenAll(HealProcess.StartFeedAsync(url, "--key", TeamKey), HealProcess.StartFeedAsync(url, "--key", TeamKey));
        try
        {
            var clients = feeds.Select(f => f.CreateClient(TimeSpan.FromSeconds(60))).ToArray();

            // Group 0 exists and is resolved before the load: any new event of it must make it regressed.
            var first = NewId();
            Assert.Equal(200, (int)(await PostAsync(clients[0], first, 0)).StatusCode);
            await using (var store = ErrorStores.OpenExisting(url))
            {
                var group0 = Assert.Single(await store.ListGroupsAsync(10, CancellationToken.None));
                Assert.True(await store.SetStatusAsync(group0.Id, GroupStatus.Resolved, CancellationToken.None));
            }

            // Every client posts to its feed; every fifth event is also resent to the other feed at the same time.
            var acknowledged = new ConcurrentDictionary<string, int>(StringComparer.Ordinal) { [first] = 0 };
            var failures = new ConcurrentBag<string>();
            await Task.WhenAll(Enumerable.Range(0, 2 * ClientsPerFeed).Select(c => Task.Run(async () =>
            {
                var mine = clients[c % 2];
                var other = clients[(c + 1) % 2];
                for (var i = 0; i < EventsPerClient; i++)
                {
                    var id = NewId();
                    var group = (c + i) % Groups;
                    var sends = i % 5 == 0 ? new[] { PostAsync(mine, id, group), PostAsync(other, id, group) } : [PostAsync(mine, id, group)];
                    foreach (var response in await Task.WhenAll(sends))
                    {
                        if ((int)response.StatusCode == 200)
                        {
                            acknowledged[id] = group;
                        }
                        else
                        {
                            failures.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                        }
                    }
                }
            })));

            Assert.Empty(failures);
            Assert.Equal(1 + (2 * ClientsPerFeed * EventsPerClient), acknowledged.Count);
            var stored = (await server.QueryAsync(database, "SELECT id FROM events;")).Cast<string>().ToList();
            Assert.Equal(acknowledged.Keys.Order(), stored.Order());
            var perGroup = await server.QueryAsync(database, "SELECT string_agg(g.id || '=' || g.count || '/' || (SELECT COUNT(*) FROM events e WHERE e.group_id = g.id), ',' ORDER BY g.id) FROM groups g;");
            var counts = ((string)perGroup.Single()!).Split(',').Select(p => p.Split('=')[1].Split('/')).ToList();
            Assert.Equal(Groups, counts.Count);
            Assert.All(counts, c => Assert.Equal(c[0], c[1]));
            Assert.Equal(acknowledged.Values.GroupBy(g => g).Select(g => g.Count()).Order(), counts.Select(c => int.Parse(c[0], System.Globalization.CultureInfo.InvariantCulture)).Order());
            Assert.Equal([1L], await server.QueryAsync(database, "SELECT COUNT(*) FROM groups WHERE status = 'regressed';"));
            Assert.Empty(await server.QueryAsync(database, "SELECT fingerprint FROM groups GROUP BY fingerprint HAVING COUNT(*) > 1;"));

            foreach (var feed in feeds)
            {
                var (exitCode, stderr) = await feed.TerminateAsync();
                Assert.True(exitCode == 0, stderr);
            }
        }
        finally
        {
            foreach (var feed in feeds)
            {
                feed.Dispose();
            }
        }
    }

    [Fact]
    public async Task Feed_OnPostgresKilledMidStream_KeepsEveryAcknowledgedEvent()
    {
        var server = await PostgresServer.SharedAsync();
        var database = await server.CreateDatabaseAsync("sigkill");
        var acknowledged = new ConcurrentBag<string>();
        using (var feed = await HealProcess.StartFeedAsync(server.Url(database), "--key", TeamKey))
        {
            using var client = feed.CreateClient(TimeSpan.FromSeconds(30));
            var clients = Enumerable.Range(0, 8).Select(c => FeedDurabilityTests.StreamUntilRefusedAsync(client, c, acknowledged, feed)).ToArray();
            await Task.WhenAll(clients).WaitAsync(TimeSpan.FromSeconds(120));
        }

        Assert.True(acknowledged.Count >= FeedDurabilityTests.AcksBeforeKill);
        var stored = (await server.QueryAsync(database, "SELECT id FROM events;")).Cast<string>().ToHashSet(StringComparer.Ordinal);
        var lost = acknowledged.Where(id => !stored.Contains(id)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged events are missing, e.g. {lost.FirstOrDefault()}");
        // The killed feed's open transaction rolled back: no event is stored without its group being counted.
        Assert.Equal([0L], await server.QueryAsync(database, "SELECT COUNT(*) FROM groups g WHERE g.count < (SELECT COUNT(*) FROM events e WHERE e.group_id = g.id) OR g.kept_events <> (SELECT COUNT(*) FROM events e WHERE e.group_id = g.id);"));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string id, int group)
    {
        var body = new ByteArrayContent(Gzip(Envelope(DotNetEvent(id, group: group, message: "failure " + group), id)));
        body.Headers.ContentEncoding.Add("gzip");
        return client.PostAsync("/api/1/envelope/", body);
    }
}
