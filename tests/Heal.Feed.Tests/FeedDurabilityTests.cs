using System.Collections.Concurrent;
using Heal.Feed.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using static Heal.Feed.Tests.Fixtures.SentryPayloads;

namespace Heal.Feed.Tests;

/// <summary>The acknowledgement contract against the real CLI process: a 200 means the event survives SIGKILL.</summary>
public sealed class FeedDurabilityTests
{
    internal const int AcksBeforeKill = 300;

    [Fact]
    public async Task Feed_KilledMidStream_KeepsEveryAcknowledgedEvent()
    {
        using var folder = new TempFolder();
        var store = folder.File("feed.db");
        var acknowledged = new ConcurrentBag<string>();
        string firstKey;
        using (var feed = await HealProcess.StartFeedAsync(store))
        {
            firstKey = new Uri(feed.Dsn).UserInfo;
            using var client = feed.CreateClient(TimeSpan.FromSeconds(30));
            var clients = Enumerable.Range(0, 8).Select(c => StreamUntilRefusedAsync(client, c, acknowledged, feed)).ToArray();
            await Task.WhenAll(clients).WaitAsync(TimeSpan.FromSeconds(120));
        }

        Assert.True(acknowledged.Count >= AcksBeforeKill);
        using (var restarted = await HealProcess.StartFeedAsync(store))
        {
            // The key is kept next to the store: the restarted feed takes the DSN the first one printed.
            Assert.Equal(firstKey, new Uri(restarted.Dsn).UserInfo);
            using var client = restarted.CreateClient();
            var id = NewId();
            var answer = await client.PostAsync("/api/1/envelope/", new ByteArrayContent(Gzip(Envelope(DotNetEvent(id), id))) { Headers = { ContentEncoding = { "gzip" } } });
            Assert.Equal(200, (int)answer.StatusCode);
            acknowledged.Add(id);
            var (exitCode, stderr) = await restarted.TerminateAsync();
            Assert.True(exitCode == 0, stderr);
        }

        var stored = StoredIds(store);
        var lost = acknowledged.Where(id => !stored.Contains(id)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged events are missing, e.g. {lost.FirstOrDefault()}");
    }

    /// <summary>
    /// Posts events one after another until the receiver stops answering, recording each id answered 200. The client
    /// that sees the last ack wanted kills the receiver at once, while the other clients' requests are in flight; one event
    /// in four is large, so some commits take long enough for an early acknowledgement to have a chance of being caught.
    /// </summary>
    internal static async Task StreamUntilRefusedAsync(HttpClient client, int clientNumber, ConcurrentBag<string> acknowledged, HealProcess feed)
    {
        for (var i = 0; ; i++)
        {
            var id = NewId();
            var frames = i % 4 == 0 ? 1000 : 30;
            var body = new ByteArrayContent(Gzip(Envelope(DotNetEvent(id, group: (clientNumber * 7) + (i % 5), message: $"failure {i}", frames: frames), id)));
            body.Headers.ContentEncoding.Add("gzip");
            try
            {
                using var response = await client.PostAsync("/api/1/envelope/", body);
                if ((int)response.StatusCode == 200)
                {
                    acknowledged.Add(id);
                    if (acknowledged.Count == AcksBeforeKill)
                    {
                        feed.Kill();
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                return;
            }
        }
    }

    private static HashSet<string> StoredIds(string store)
    {
        using var connection = new SqliteConnection($"Data Source={store};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM events;";
        using var reader = command.ExecuteReader();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }
}
