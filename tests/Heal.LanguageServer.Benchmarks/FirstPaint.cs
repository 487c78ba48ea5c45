using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Heal.LanguageServer.Benchmarks;

/// <summary>
/// Errors on the open file first: each sample is a fresh server. After <c>initialize</c>, the client sends
/// <c>initialized</c> and at once a <c>didOpen</c> (what an editor restoring its tabs does), then a second <c>didOpen</c>
/// while the store is still loading; each is timed to the first non-empty <c>publishDiagnostics</c> of its file. Once every
/// file is published, that first publish is checked against the file's last one: the open file's diagnostics must have
/// been complete, not just early.
/// </summary>
public static class FirstPaint
{
    /// <summary>The samples of one build: milliseconds from each didOpen to its file's first diagnostics, and how many were complete.</summary>
    public sealed class Result
    {
        public List<double> AtStart { get; } = [];

        public List<double> DuringLoad { get; } = [];

        public int Complete { get; set; }

        public int Checked { get; set; }
    }

    /// <summary>One fresh server, measured into <paramref name="result"/>.</summary>
    public static async Task MeasureOnceAsync(string healDll, BenchWorld world, Random random, Result result)
    {
        await using var client = BenchClient.Start(healDll, world.Root);
        await client.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = new Uri(world.Root).AbsoluteUri,
            ["capabilities"] = new JsonObject(),
            ["initializationOptions"] = new JsonObject { ["store"] = world.StorePath },
        });
        client.Notify("initialized", new JsonObject());
        var first = random.Next(world.Files);
        var second = (first + 1 + random.Next(world.Files - 1)) % world.Files;
        var openedFirst = Open(client, world, first);
        // The second file opens while the store is loading (the full load takes seconds; this is well inside it).
        await Task.Delay(random.Next(100, 1000));
        var openedSecond = Open(client, world, second);

        var (publishedFirst, atFirst) = await FirstPublishAsync(client, world.UriOf(first));
        var (publishedSecond, atSecond) = await FirstPublishAsync(client, world.UriOf(second));
        result.AtStart.Add(Stopwatch.GetElapsedTime(openedFirst, atFirst).TotalMilliseconds);
        result.DuringLoad.Add(Stopwatch.GetElapsedTime(openedSecond, atSecond).TotalMilliseconds);

        await WaitForEveryFileAsync(client, world.Files);
        foreach (var (file, published) in new[] { (first, publishedFirst), (second, publishedSecond) })
        {
            result.Checked++;
            var last = client.Notifications("textDocument/publishDiagnostics").Last(n => (string?)n.Message["params"]!["uri"] == world.UriOf(file)).Message;
            result.Complete += Shape(published) == Shape(last) ? 1 : 0;
        }

        await client.ShutdownAsync();
    }

    private static long Open(BenchClient client, BenchWorld world, int file)
    {
        var sent = Stopwatch.GetTimestamp();
        client.Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = world.UriOf(file), ["languageId"] = "csharp", ["version"] = 1, ["text"] = File.ReadAllText(world.PathOf(file)) },
        });
        return sent;
    }

    private static async Task<(JsonObject Message, long At)> FirstPublishAsync(BenchClient client, string uri)
    {
        var (message, at, _) = await client.WaitAsync(0, "textDocument/publishDiagnostics", p => (string?)p?["uri"] == uri && p!["diagnostics"]!.AsArray().Count > 0, TimeSpan.FromMinutes(10));
        return (message, at);
    }

    /// <summary>What a diagnostic list shows, without its wording (its "last seen" text moves with the clock).</summary>
    private static string Shape(JsonObject publish) => string.Join(';', publish["params"]!["diagnostics"]!.AsArray()
        .Select(d => $"{d!["code"]}@{d["range"]!.ToJsonString()}/{d["severity"]}/{d["relatedInformation"]?.AsArray().Count ?? 0}"));

    private static async Task WaitForEveryFileAsync(BenchClient client, int files)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var mark = 0;
        while (seen.Count < files)
        {
            // The full load takes seconds on a quiet machine, minutes on a loaded one.
            var (message, _, next) = await client.WaitAsync(mark, "textDocument/publishDiagnostics", p => p!["diagnostics"]!.AsArray().Count > 0, TimeSpan.FromMinutes(10));
            mark = next;
            seen.Add((string)message["params"]!["uri"]!);
        }
    }
}
