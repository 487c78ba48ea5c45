using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Heal.Feed.Store;
using Heal.LanguageServer.Benchmarks;

// The language server under load: a generated store and workspace, the real `heal lsp` over stdio. Prints a table and
// asserts nothing; run it through tests/scripts/bench-lsp.sh on a quiet machine.
var options = BenchOptions.Parse(args);
Console.WriteLine($"heal lsp benchmark: {options.Groups:N0} groups, {options.Groups * options.EventsPerGroup:N0} events, {options.Files:N0} files; server {options.HealDll}");
var generation = Stopwatch.StartNew();
using var world = await BenchWorld.CreateAsync(options.Files, options.Groups, options.EventsPerGroup, options.World);
Console.WriteLine($"generated in {generation.Elapsed.TotalSeconds:F1} s at {world.Directory}");

// Errors on the open file first: fresh servers, this build's starts alternating with the baseline's (when given), each
// build opening the same files in the same order.
var firstPaint = new List<BenchRow>();
if (options.FirstPaintStarts > 0)
{
    var builds = new List<(string Name, string Dll, Random Random, FirstPaint.Result Result)> { ("this build", options.HealDll, new Random(7), new FirstPaint.Result()) };
    if (options.Baseline is { } baseline)
    {
        builds.Insert(0, ("baseline", baseline, new Random(7), new FirstPaint.Result()));
    }

    for (var i = 0; i < options.FirstPaintStarts; i++)
    {
        foreach (var build in builds)
        {
            await FirstPaint.MeasureOnceAsync(build.Dll, world, build.Random, build.Result);
        }
    }

    Console.WriteLine();
    Console.WriteLine($"errors on the open file first: {options.FirstPaintStarts} fresh servers per build; a didOpen right after initialized, a second during the load");
    foreach (var (name, dll, _, result) in builds)
    {
        Console.WriteLine($"  {name}: {dll}; first publish complete for {result.Complete} of {result.Checked} files");
        firstPaint.Add(BenchRow.Of($"{name}: diagnostics after didOpen at start", result.AtStart, 300));
        firstPaint.Add(BenchRow.Of($"{name}: … after didOpen during the load", result.DuringLoad, 300));
    }

    PrintTable(firstPaint);
}

if (options.FirstPaintOnly)
{
    return;
}

var results = new List<BenchRow>();
var initialize = new List<double>();
var initializeRequest = new List<double>();
var firstPublish = new List<double>();
var fullPublish = new List<double>();
var publishedFiles = 0;
BenchClient session = null!;
for (var start = 0; start < options.Starts; start++)
{
    var client = BenchClient.Start(options.HealDll, world.Root);
    var sent = Stopwatch.GetTimestamp();
    var (_, answeredAt) = await client.RequestAsync("initialize", new JsonObject
    {
        ["processId"] = Environment.ProcessId,
        ["rootUri"] = new Uri(world.Root).AbsoluteUri,
        ["capabilities"] = new JsonObject { ["window"] = new JsonObject { ["workDoneProgress"] = true } },
        ["initializationOptions"] = new JsonObject { ["store"] = world.StorePath },
    });
    initialize.Add(Ms(client.StartedAt, answeredAt));
    initializeRequest.Add(Ms(sent, answeredAt));
    if (options.InitializeOnly)
    {
        await client.ShutdownAsync();
        await client.DisposeAsync();
        continue;
    }

    var initializedAt = Stopwatch.GetTimestamp();
    client.Notify("initialized", new JsonObject());
    var (files, first, last) = await WaitForFullPublishAsync(client, options.Files);
    publishedFiles = files;
    firstPublish.Add(Ms(initializedAt, first));
    fullPublish.Add(Ms(initializedAt, last));
    if (start == options.Starts - 1)
    {
        session = client;
    }
    else
    {
        await client.ShutdownAsync();
        await client.DisposeAsync();
    }
}

results.Add(BenchRow.Of("initialize (spawn → response)", initialize, 300));
results.Add(BenchRow.Of("initialize (request → response)", initializeRequest, null));
if (options.InitializeOnly)
{
    PrintTable(results);
    return;
}

results.Add(BenchRow.Of("first diagnostics after initialized", firstPublish, null));
results.Add(BenchRow.Of($"full publish ({publishedFiles} files)", fullPublish, null));

await using (session)
{
    var didOpen = new List<double>();
    var codeAction = new List<double>();
    var hover = new List<double>();
    var codeLens = new List<double>();
    for (var i = 0; i < options.Samples; i++)
    {
        var file = i * 37 % options.Files;
        var uri = world.UriOf(file);
        var mark = session.Mark;
        var sent = Stopwatch.GetTimestamp();
        session.Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = File.ReadAllText(world.PathOf(file)) },
        });
        var (published, at, _) = await session.WaitAsync(mark, "textDocument/publishDiagnostics", p => (string?)p?["uri"] == uri);
        didOpen.Add(Ms(sent, at));

        var diagnostics = published["params"]!["diagnostics"]!.AsArray();
        if (diagnostics.Count == 0)
        {
            continue;
        }

        var diagnostic = diagnostics[i % diagnostics.Count]!;
        var line = (int)diagnostic["range"]!["start"]!["line"]!;
        var inLine = new JsonArray(diagnostics.Where(d => (int)d!["range"]!["start"]!["line"]! == line).Select(d => d!.DeepClone()).ToArray());
        sent = Stopwatch.GetTimestamp();
        (_, at) = await session.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = diagnostic["range"]!.DeepClone(),
            ["context"] = new JsonObject { ["diagnostics"] = inLine },
        });
        codeAction.Add(Ms(sent, at));

        sent = Stopwatch.GetTimestamp();
        (_, at) = await session.RequestAsync("textDocument/hover", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["position"] = diagnostic["range"]!["start"]!.DeepClone(),
        });
        hover.Add(Ms(sent, at));

        sent = Stopwatch.GetTimestamp();
        (_, at) = await session.RequestAsync("textDocument/codeLens", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
        codeLens.Add(Ms(sent, at));

        session.Notify("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } });
    }

    results.Add(BenchRow.Of("diagnostics after didOpen", didOpen, 20));
    results.Add(BenchRow.Of("codeAction", codeAction, 20));
    results.Add(BenchRow.Of("hover", hover, null));
    results.Add(BenchRow.Of("codeLens", codeLens, null));

    var live = new List<double>();
    await using (var store = SqliteErrorStore.Open(world.StorePath))
    {
        for (var k = 0; k < options.LiveUpdates; k++)
        {
            // A new group each time, also when the world is reused: its event id has never been stored.
            var group = options.Groups + Random.Shared.Next(1, 1_000_000_000);
            var newEvent = world.NewEventOf(group, 0, DateTimeOffset.UtcNow);
            var uri = world.UriOf(group % options.Files);
            var mark = session.Mark;
            await store.AppendAsync([newEvent], CancellationToken.None);
            var appended = Stopwatch.GetTimestamp();
            var (_, at, _) = await session.WaitAsync(mark, "textDocument/publishDiagnostics",
                p => (string?)p?["uri"] == uri && p!["diagnostics"]!.AsArray().Any(d => (string?)d!["code"] == newEvent.GroupId));
            live.Add(Ms(appended, at));
        }
    }

    results.Add(BenchRow.Of("live update (append → diagnostics)", live, 1000));
    var peak = session.PeakMemoryMiB();
    await session.ShutdownAsync();

    Console.WriteLine();
    PrintTable([.. firstPaint, .. results]);
    Console.WriteLine($"| {"peak memory (VmHWM, last process)",-52} | {1,4} | {peak.ToString("F0", CultureInfo.InvariantCulture) + " MiB",8} | {"",8} | {"",8} | {"",10} |");
}

static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

static void PrintTable(IEnumerable<BenchRow> rows)
{
    Console.WriteLine($"load: {File.ReadAllText("/proc/loadavg").Trim()} ({Environment.ProcessorCount} cores)");
    Console.WriteLine($"| {"measure",-52} | {"n",4} | {"p50 ms",8} | {"p99 ms",8} | {"max ms",8} | {"target",10} |");
    Console.WriteLine($"|{new string('-', 54)}|{new string('-', 6)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 10)}|{new string('-', 12)}|");
    foreach (var row in rows)
    {
        Console.WriteLine(row.Format());
    }
}

// Full publish: every file has diagnostics, or nothing more arrived for 5 s (then the last arrival counts).
static async Task<(int Files, long First, long Last)> WaitForFullPublishAsync(BenchClient client, int expected)
{
    var quiet = TimeSpan.FromSeconds(5);
    var seen = new HashSet<string>(StringComparer.Ordinal);
    long first = 0, last = 0;
    var mark = 0;
    while (seen.Count < expected)
    {
        try
        {
            var (message, at, next) = await client.WaitAsync(mark, "textDocument/publishDiagnostics", p => p!["diagnostics"]!.AsArray().Count > 0,
                first == 0 ? TimeSpan.FromSeconds(120) : quiet);
            mark = next;
            seen.Add((string)message["params"]!["uri"]!);
            first = first == 0 ? at : first;
            last = at;
        }
        catch (OperationCanceledException)
        {
            break;
        }
    }

    return (seen.Count, first, last);
}
