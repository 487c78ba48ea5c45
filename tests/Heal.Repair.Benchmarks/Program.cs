using System.Diagnostics;
using System.Net.NetworkInformation;
using System.Reflection;
using System.Text.Json;
using Heal.Repair.Benchmarks;
using Microsoft.CodeAnalysis;

// Loads repositories with Heal's ad-hoc loader and with Roslyn's MSBuildWorkspace and prints, per repository and
// loader: the first load in a fresh process, the median of warm loads, projects, documents and the compilation
// errors (a loader that misses references leaves the rules reasoning on error types). Asserts nothing; run it
// through tests/scripts/bench-workspace.sh, which restores the repositories first.
var options = BenchOptions.Parse(args);
if (options.Child is { } childLoader)
{
    var measurement = await MeasureAsync(childLoader, options.Repo ?? throw new ArgumentException("--child needs --repo"), options.Warm);
    Console.WriteLine("RESULT " + JsonSerializer.Serialize(measurement));
    return 0;
}

if (options.Repos is null || !Directory.Exists(options.Repos))
{
    Console.Error.WriteLine("usage: Heal.Repair.Benchmarks --repos DIR [--warm 3] [--loaders adhoc,msbuild]  (each folder under DIR is one restored repository)");
    return 2;
}

var repositories = Directory.GetDirectories(options.Repos).Order(StringComparer.Ordinal).ToArray();
var interfaces = NetworkInterface.GetAllNetworkInterfaces().Where(i => i.NetworkInterfaceType != NetworkInterfaceType.Loopback).Select(i => i.Name).ToArray();
Console.WriteLine($"workspace loaders: {repositories.Length} repositories under {options.Repos}, loaders {string.Join(", ", options.Loaders)}, " +
    $"1 fresh process per repository and loader, {options.Warm} warm loads each");
Console.WriteLine($"network interfaces besides loopback: {(interfaces.Length == 0 ? "none (offline)" : string.Join(", ", interfaces))}");

var results = new List<Measurement>();
foreach (var repository in repositories)
{
    foreach (var loader in options.Loaders)
    {
        var result = await RunChildAsync(loader, repository, options.Warm);
        results.Add(result);
        Console.Error.WriteLine($"  {Path.GetFileName(repository)} {loader}: {(result.Failure is null ? $"{Ms(result.FirstLoadMs)} ms" : "FAILED")}");
    }
}

Console.WriteLine();
Console.WriteLine($"load: {File.ReadAllText("/proc/loadavg").Trim()} ({Environment.ProcessorCount} cores)");
Console.WriteLine($"| {"repository",-40} | {"loader",-7} | {"cold ms",8} | {"warm median ms",14} | {"projects",8} | {"documents (generated)",22} | {"error diagnostics",17} | {"loader msgs",11} | {"compile ms",10} |");
Console.WriteLine($"|{new string('-', 42)}|{new string('-', 9)}|{new string('-', 10)}|{new string('-', 16)}|{new string('-', 10)}|{new string('-', 24)}|{new string('-', 19)}|{new string('-', 13)}|{new string('-', 12)}|");
foreach (var r in results)
{
    var errors = r.Failure is null ? r.Errors.ToString(System.Globalization.CultureInfo.InvariantCulture) : "FAILED";
    Console.WriteLine($"| {r.Repository,-40} | {r.Loader,-7} | {Ms(r.FirstLoadMs),8} | {Ms(r.WarmMedianMs),14} | {r.Projects,8} | {$"{r.Documents} ({r.GeneratedDocuments})",22} | {errors,17} | {r.LoaderMessageCount,11} | {Ms(r.CompileMs),10} |");
}

Console.WriteLine();
foreach (var loader in options.Loaders)
{
    var rows = results.Where(r => r.Loader == loader).ToList();
    var loadedRows = rows.Where(r => r.Failure is null).ToList();
    Console.WriteLine($"{loader}: median cold {Ms(Measurement.Median(loadedRows.Select(r => r.FirstLoadMs!.Value)))} ms, " +
        $"median warm {Ms(Measurement.Median(loadedRows.Where(r => r.WarmMedianMs is not null).Select(r => r.WarmMedianMs!.Value)))} ms, " +
        $"total errors {loadedRows.Sum(r => r.Errors)} ({loadedRows.Count(r => r.Errors > 0)} of {loadedRows.Count} repositories with errors), " +
        $"loader messages {rows.Sum(r => r.LoaderMessageCount)}, failed loads {rows.Count(r => r.Failure is not null)} of {rows.Count}");
}

var noteworthy = results.Where(r => r.Failure is not null || r.Errors > 0 || r.LoaderMessageCount > 0).ToList();
if (noteworthy.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine("details:");
    foreach (var r in noteworthy)
    {
        Console.WriteLine($"  {r.Repository} / {r.Loader}:");
        if (r.Failure is not null)
        {
            Console.WriteLine($"    failed: {r.Failure}");
        }

        r.TopErrors.ForEach(e => Console.WriteLine($"    error {e}"));
        r.LoaderMessages.Take(5).ToList().ForEach(m => Console.WriteLine($"    loader: {m}"));
    }
}

return 0;

static string Ms(double? value) => value is { } v && !double.IsNaN(v) ? v.ToString("F0", System.Globalization.CultureInfo.InvariantCulture) : "-";

// One fresh process per repository and loader, so that the first load is what a newly started CLI pays.
static async Task<Measurement> RunChildAsync(string loader, string repository, int warm)
{
    var self = Assembly.GetEntryAssembly()!.Location;
    var host = Environment.ProcessPath!;
    var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    if (Path.GetFileNameWithoutExtension(host) == "dotnet")
    {
        start.ArgumentList.Add(self);
    }

    foreach (var argument in new[] { "--child", loader, "--repo", repository, "--warm", warm.ToString(System.Globalization.CultureInfo.InvariantCulture) })
    {
        start.ArgumentList.Add(argument);
    }

    using var child = Process.Start(start)!;
    var stdout = child.StandardOutput.ReadToEndAsync();
    var stderr = child.StandardError.ReadToEndAsync();
    using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
    try
    {
        await child.WaitForExitAsync(timeout.Token);
    }
    catch (OperationCanceledException)
    {
        child.Kill(entireProcessTree: true);
        await child.WaitForExitAsync();
    }

    var line = (await stdout).Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
    if (line is not null)
    {
        return JsonSerializer.Deserialize<Measurement>(line["RESULT ".Length..])!;
    }

    var why = timeout.IsCancellationRequested
        ? "timed out after 3 minutes"
        : $"child exited with {child.ExitCode}: {(await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "no output"}";
    return new Measurement(Path.GetFileName(repository), loader, null, null, [], 0, 0, 0, 0, [], 0, [], why);
}

static async Task<Measurement> MeasureAsync(string loader, string repository, int warm)
{
    var name = Path.GetFileName(repository);
    double? firstLoad = null, compile = null;
    var warmLoads = new List<double>();
    int projects = 0, documents = 0, generated = 0;
    var errors = new List<Diagnostic>();
    IReadOnlyList<string> messages = [];
    try
    {
        var watch = Stopwatch.StartNew();
        using (var loaded = await Loaders.LoadAsync(loader, repository, CancellationToken.None))
        {
            firstLoad = watch.Elapsed.TotalMilliseconds;
            messages = loaded.Messages;
            projects = loaded.Solution.Projects.Count();
            documents = loaded.Solution.Projects.Sum(p => p.DocumentIds.Count);
            generated = loaded.Solution.Projects.SelectMany(p => p.Documents).Count(d => !IsSourceFile(d.FilePath, repository));
            watch.Restart();
            foreach (var project in loaded.Solution.Projects)
            {
                var compilation = await project.GetCompilationAsync() ?? throw new InvalidOperationException($"{project.Name} has no compilation");
                errors.AddRange(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            }

            compile = watch.Elapsed.TotalMilliseconds;
        }

        for (var i = 0; i < warm; i++)
        {
            watch.Restart();
            using var again = await Loaders.LoadAsync(loader, repository, CancellationToken.None);
            warmLoads.Add(watch.Elapsed.TotalMilliseconds);
        }
    }
    catch (Exception e)
    {
        return new Measurement(name, loader, firstLoad, compile, warmLoads, projects, documents, generated, errors.Count, TopErrors(errors), messages.Count, [.. messages],
            $"{e.GetType().FullName}: {e.Message}");
    }

    return new Measurement(name, loader, firstLoad, compile, warmLoads, projects, documents, generated, errors.Count, TopErrors(errors), messages.Count, [.. messages], null);
}

// A C# file of the repository itself, not one the build generated (under obj/, or in a package, e.g. a test host's entry point) or the loader made up.
static bool IsSourceFile(string? path, string repository) =>
    path is not null
    && path.StartsWith(repository + Path.DirectorySeparatorChar, StringComparison.Ordinal)
    && !path[repository.Length..].Replace('\\', '/').Contains("/obj/", StringComparison.Ordinal);

static List<string> TopErrors(List<Diagnostic> errors) => errors
    .GroupBy(e => e.Id)
    .OrderByDescending(g => g.Count())
    .ThenBy(g => g.Key, StringComparer.Ordinal)
    .Take(3)
    .Select(g => $"{g.Key} ×{g.Count()}: {g.First().GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
    .ToList();
