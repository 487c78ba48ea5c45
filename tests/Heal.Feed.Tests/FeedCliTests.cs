using System.Text.Json;
using Heal.Cli;
using Heal.Feed.Tests.Fixtures;
using static Heal.Feed.Tests.Fixtures.SentryPayloads;

namespace Heal.Feed.Tests;

/// <summary><c>heal errors</c> and <c>heal feed</c> through the CLI's command table.</summary>
public sealed class FeedCliTests
{
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CommandLine.RunAsync(args, stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A store with two groups: an older FormatException and a newer NullReferenceException (seen twice).</summary>
    private static async Task<string> StoreWithTwoGroupsAsync(TempFolder folder)
    {
        await using var feed = await FeedHarness.StartAsync();
        var older = DateTimeOffset.UtcNow.AddHours(-3);
        foreach (var (type, message, group, at) in new[]
        {
            ("System.FormatException", "Input string was not in a correct format.", 1, older),
            ("System.NullReferenceException", "Object reference not set to an instance of an object.", 2, older.AddHours(1)),
            ("System.NullReferenceException", "Object reference not set to an instance of an object.", 2, older.AddHours(2)),
        })
        {
            var id = NewId();
            Assert.Equal(200, (await feed.PostAsync("/api/1/envelope/", Envelope(DotNetEvent(id, type, message, group: group, timestamp: at), id))).Status);
        }

        // The feed is still running: copy the WAL along with the database, as a backup of a live SQLite file must.
        var path = folder.File("copy.db");
        File.Copy(feed.Store.FilePath, path);
        File.Copy(feed.Store.FilePath + "-wal", path + "-wal");
        return path;
    }

    [Fact]
    public async Task Errors_Json_PrintsTheDocumentedFieldsMostRecentFirst()
    {
        using var folder = new TempFolder();
        var store = await StoreWithTwoGroupsAsync(folder);
        var (exit, stdout, stderr) = await RunAsync("errors", "--store", store, "--json");
        Assert.True(exit == 0, stderr);
        var groups = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(2, groups.Count);
        foreach (var group in groups)
        {
            Assert.Superset(new HashSet<string> { "id", "type", "message", "count", "firstSeen", "lastSeen", "release", "status", "frame" },
                group.EnumerateObject().Select(p => p.Name).ToHashSet());
            Assert.Matches("^[0-9a-f]{16}$", group.GetProperty("id").GetString());
            Assert.Equal("open", group.GetProperty("status").GetString());
            Assert.Equal("shop@1.4.2", group.GetProperty("release").GetString());
            Assert.True(DateTimeOffset.TryParse(group.GetProperty("lastSeen").GetString(), out _));
            Assert.Equal(["file", "line", "function"], group.GetProperty("frame").EnumerateObject().Select(p => p.Name));
        }

        var newest = groups[0];
        Assert.Equal(("System.NullReferenceException", 2), (newest.GetProperty("type").GetString(), newest.GetProperty("count").GetInt32()));
        Assert.Equal("/src/shop/Orders/OrderService2.cs", newest.GetProperty("frame").GetProperty("file").GetString());
        Assert.Equal("System.FormatException", groups[1].GetProperty("type").GetString());
    }

    [Fact]
    public async Task Errors_Table_ShowsStatusCountTypeMessageAndFrame()
    {
        using var folder = new TempFolder();
        var store = await StoreWithTwoGroupsAsync(folder);
        var (exit, stdout, _) = await RunAsync("errors", "--store", store, "--limit", "1");
        Assert.Equal(0, exit);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("ID", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^[0-9a-f]{8}\s+open\s+2\s+1h ago\s+NullReferenceException: Object reference not set \S.*\s+(/src/shop|…)/Orders/OrderService2\.cs:\d+$", lines[1]);
    }

    [Theory]
    [InlineData(new[] { "errors", "--store", "/nonexistent/heal/feed.db" }, 2, "no store at '/nonexistent/heal/feed.db'")]
    [InlineData(new[] { "errors", "--store", "x.db", "--limit", "zero" }, 2, "Cannot parse argument 'zero' for option '--limit'")]
    [InlineData(new[] { "errors", "--stor", "x.db" }, 2, "Unrecognized command or argument '--stor'")]
    [InlineData(new[] { "feed", "--listen", "0.0.0.0:0" }, 2, "add --allow-remote")]
    [InlineData(new[] { "feed", "--listen", "nonsense" }, 2, "is not ADDRESS:PORT")]
    public async Task Command_BadUse_ExitsWithAClearMessage(string[] args, int exitCode, string message)
    {
        var (exit, _, stderr) = await RunAsync(args);
        Assert.Equal(exitCode, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }
}
