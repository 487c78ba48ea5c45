using System.Collections.Concurrent;
using Heal.Core.Model;
using Heal.Feed.Sources;

namespace Heal.Feed.Tests.Sources;

/// <summary>The JSON-lines source on real files in a temporary folder, written to by the test as another process would.</summary>
public sealed class JsonLinesErrorSourceTests : IDisposable
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(30);

    private readonly string _folder = Directory.CreateTempSubdirectory("heal-jsonl-").FullName;
    private readonly ConcurrentQueue<ParseProblem> _problems = new();

    private string FilePath => Path.Combine(_folder, "events.jsonl");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ListGroupsAsync_EventsAndBadLines_GroupsEventsAndReportsBadLineNumbers()
    {
        Write(
            Event(1, "System.NullReferenceException", "Total"),
            "this is not json",
            Event(2, "System.NullReferenceException", "Total"),
            "",
            """{"event_id": """,
            Event(3, "System.FormatException", "Parse"));

        var groups = await Source().ListGroupsAsync(10, CancellationToken.None);

        Assert.Equal([("System.FormatException", 1L), ("System.NullReferenceException", 2L)], groups.Select(g => (g.Type, g.Count)).Order());
        Assert.Equal(["line 2", "line 5"], _problems.Select(p => p.Location));
    }

    [Fact]
    public async Task ListGroupsAsync_SameEventIdTwice_CountsItOnce()
    {
        Write(Event(1, "System.InvalidOperationException", "Run"), Event(1, "System.InvalidOperationException", "Run"));

        var group = Assert.Single(await Source().ListGroupsAsync(10, CancellationToken.None));

        Assert.Equal(1, group.Count);
    }

    [Fact]
    public async Task ListGroupsAsync_LastLineWithoutLineBreak_CountsOnceWhenCompleted()
    {
        var source = Source();
        File.WriteAllText(FilePath, Event(1, "System.NullReferenceException", "Total") + "\n");
        var half = Event(2, "System.NullReferenceException", "Total");
        File.AppendAllText(FilePath, half[..(half.Length / 2)]);

        var whileWriting = Assert.Single(await source.ListGroupsAsync(10, CancellationToken.None)).Count;
        File.AppendAllText(FilePath, half[(half.Length / 2)..]);
        var unterminated = Assert.Single(await source.ListGroupsAsync(10, CancellationToken.None)).Count;
        File.AppendAllText(FilePath, "\n");
        var terminated = Assert.Single(await source.ListGroupsAsync(10, CancellationToken.None)).Count;

        Assert.Equal((1L, 2L, 2L), (whileWriting, unterminated, terminated));
        Assert.Empty(_problems);
    }

    [Fact]
    public async Task ListGroupsAsync_LineLongerThanLimit_SkipsItAndReadsOn()
    {
        Write(Event(1, "System.ArgumentException", "Check", padding: 5000), Event(2, "System.TimeoutException", "Wait"));

        var groups = await Source(new JsonLinesOptions { MaxLineBytes = 2000 }).ListGroupsAsync(10, CancellationToken.None);

        Assert.Equal("System.TimeoutException", Assert.Single(groups).Type);
        Assert.Equal("line 1", Assert.Single(_problems).Location);
    }

    [Fact]
    public async Task GetLatestEventAsync_GroupWithTwoEvents_ReturnsTheLaterLine()
    {
        Write(Event(1, "System.NullReferenceException", "Total"), Event(2, "System.NullReferenceException", "Total"));
        var source = Source();
        var group = Assert.Single(await source.ListGroupsAsync(10, CancellationToken.None));

        var latest = await source.GetLatestEventAsync(group.Id, CancellationToken.None);

        Assert.Equal(EventId(2), latest?.Id);
        Assert.Equal(EventId(2), group.LatestEventId);
        Assert.Null(await source.GetLatestEventAsync("0000000000000000", CancellationToken.None));
    }

    [Fact]
    public async Task ListGroupsAsync_FileReplacedByAnother_ForgetsTheOldFile()
    {
        Write(Event(1, "System.NullReferenceException", "Total"));
        var source = Source();
        await source.ListGroupsAsync(10, CancellationToken.None);

        File.Move(FilePath, FilePath + ".1");
        Write(Event(2, "System.FormatException", "Parse"), Event(3, "System.FormatException", "Parse"));

        Assert.Equal([("System.FormatException", 2L)], (await source.ListGroupsAsync(10, CancellationToken.None)).Select(g => (g.Type, g.Count)));
    }

    [Fact]
    public async Task ListGroupsAsync_MissingFile_IsEmpty()
    {
        Assert.Empty(await Source().ListGroupsAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task WatchAsync_FileGrows_YieldsOnlyLinesAppendedAfterTheCall()
    {
        Write(Event(1, "System.NullReferenceException", "Total"));
        await using var watch = StartedWatch.Start(Source());

        var line = Event(2, "System.FormatException", "Parse");
        File.AppendAllText(FilePath, line[..10]);
        File.AppendAllText(FilePath, line[10..] + "\n");

        Assert.Equal(EventId(2), (await watch.NextAsync(s_deadline)).Id);
        Assert.Empty(_problems);
    }

    [Fact]
    public async Task WatchAsync_BadLineAppended_ReportsItsLineAndGoesOn()
    {
        Write(Event(1, "System.NullReferenceException", "Total"));
        await using var watch = StartedWatch.Start(Source());

        File.AppendAllText(FilePath, "{broken\n" + Event(2, "System.FormatException", "Parse") + "\n");

        Assert.Equal(EventId(2), (await watch.NextAsync(s_deadline)).Id);
        Assert.Equal("line 2", Assert.Single(_problems).Location);
    }

    [Fact]
    public async Task WatchAsync_FileTruncated_ReadsTheNewContentFromTheStart()
    {
        Write(Event(1, "System.NullReferenceException", "Total"), Event(2, "System.NullReferenceException", "Total"));
        await using var watch = StartedWatch.Start(Source());

        File.WriteAllText(FilePath, Event(3, "System.FormatException", "Parse") + "\n");

        Assert.Equal(EventId(3), (await watch.NextAsync(s_deadline)).Id);
    }

    [Fact]
    public async Task WatchAsync_FileRotated_FollowsTheNewFile()
    {
        Write(Event(1, "System.NullReferenceException", "Total"));
        await using var watch = StartedWatch.Start(Source());

        File.Move(FilePath, FilePath + ".1");
        // Longer than the old file, so only its different first bytes tell that it is another file.
        Write(Event(2, "System.FormatException", "Parse"), Event(3, "System.FormatException", "Parse"));

        Assert.Equal(EventId(2), (await watch.NextAsync(s_deadline)).Id);
        Assert.Equal(EventId(3), (await watch.NextAsync(s_deadline)).Id);
    }

    [Fact]
    public async Task WatchAsync_FileCreatedLater_YieldsItsEvents()
    {
        await using var watch = StartedWatch.Start(Source());

        Write(Event(1, "System.NullReferenceException", "Total"));

        Assert.Equal(EventId(1), (await watch.NextAsync(s_deadline)).Id);
    }

    private JsonLinesErrorSource Source(JsonLinesOptions? options = null) =>
        new(FilePath, (options ?? new JsonLinesOptions()) with { ReportProblem = _problems.Enqueue, PollInterval = TimeSpan.FromMilliseconds(100) });

    private void Write(params string[] lines) => File.WriteAllText(FilePath, string.Join("\n", lines) + "\n");

    private static string EventId(int n) => n.ToString("x32", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A Sentry event as the .NET SDK sends it, one line, with the throwing frame in <paramref name="function"/>.</summary>
    private static string Event(int n, string type, string function, int padding = 0) =>
        $$$"""{"event_id":"{{{EventId(n)}}}","timestamp":"2026-11-27T10:{{{n % 60:00}}}:00Z","platform":"csharp","release":"app@1.0","exception":{"values":[{"type":"{{{type}}}","value":"failed {{{n}}}{{{new string('x', padding)}}}","stacktrace":{"frames":[{"filename":"Program.cs","function":"Main","lineno":5,"in_app":true},{"filename":"Worker.cs","function":"{{{function}}}","lineno":{{{10 + n}}},"in_app":true}]}}]}}""";
}
