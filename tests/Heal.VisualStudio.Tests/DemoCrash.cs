using System.Diagnostics;
using System.Text.RegularExpressions;
using Heal.Testing;

namespace Heal.VisualStudio.Tests;

/// <summary>
/// A crash captured for real, as <c>heal demo</c> and the VS Code e2e capture it (tests/e2e/demoFixture.mjs): the demo
/// sample (OrderService, with the Sentry .NET SDK) built and run with <c>SENTRY_DSN</c> pointing at a real
/// <c>heal feed</c>. The SDK reports the NullReferenceException of PricingService.Total; the feed commits it to the store
/// before acknowledging, so once the sample has exited the store holds the group. Made once for the whole collection;
/// each test gets its own copy of the sample as a git repository (<see cref="NewRepository"/>).
/// </summary>
public sealed partial class DemoCrash : IDisposable
{
    public const string ThrowingFile = "src/OrderService/PricingService.cs";

    /// <summary>MSBuild and the compiler keep no server processes after a build (what `heal demo` sets too).</summary>
    public static readonly IReadOnlyDictionary<string, string> NoBuildServers = new Dictionary<string, string>
    {
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        ["UseSharedCompilation"] = "false",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
    };

    private readonly TempDirectory _directory = new("heal-vs-crash");
    private readonly List<TempDirectory> _copies = [];

    public DemoCrash()
    {
        StorePath = _directory.Combine("feed.db");
        var captured = NewRepository();
        var build = ChildProcess.Run(ChildProcess.Dotnet(), ["build", "src/OrderService/OrderService.csproj", "-c", "Debug", "-nologo", "-v", "q", "-m:1",
            "-nodeReuse:false", "-p:UseSharedCompilation=false"], captured, NoBuildServers);
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"the demo sample did not build: {build.Stdout}{build.Stderr}");
        }

        Capture(captured);
    }

    public static string HealDll => Path.Combine(AppContext.BaseDirectory, "heal.dll");

    public string StorePath { get; }

    /// <summary>A copy of the demo sample (sources only) in a new git repository with one commit on main and a bare <c>origin</c>.</summary>
    public string NewRepository()
    {
        var copy = new TempDirectory("heal-vs-orders");
        _copies.Add(copy);
        var sample = Path.Combine(AppContext.BaseDirectory, "Demo", "Sample");
        foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sample, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj"))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(copy.Combine(relative))!);
            File.Copy(file, copy.Combine(relative));
        }

        var repository = copy.Combine("repo");
        Directory.CreateDirectory(repository);
        foreach (var entry in Directory.EnumerateFileSystemEntries(copy.Path).Where(e => e != repository))
        {
            Directory.Move(entry, Path.Combine(repository, Path.GetFileName(entry)));
        }

        var origin = copy.Combine("origin.git");
        ChildProcess.Git(copy.Path, "init", "-q", "--bare", "-b", "main", origin);
        ChildProcess.Git(repository, "init", "-q", "-b", "main");
        ChildProcess.Git(repository, "add", "-A");
        ChildProcess.Git(repository, "commit", "-q", "-m", "OrderService 1.4.2");
        ChildProcess.Git(repository, "remote", "add", "origin", origin);
        ChildProcess.Git(repository, "push", "-q", "origin", "main");
        return repository;
    }

    public void Dispose()
    {
        foreach (var copy in _copies)
        {
            copy.Dispose();
        }

        _directory.Dispose();
    }

    private void Capture(string repository)
    {
        var start = new ProcessStartInfo(ChildProcess.Dotnet()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { HealDll, "feed", "--listen", "127.0.0.1:0", "--store", StorePath })
        {
            start.ArgumentList.Add(argument);
        }

        using var feed = Process.Start(start)!;
        try
        {
            var dsn = ReadDsn(feed);
            var assembly = Path.Combine(repository, "src/OrderService/bin/Debug/net10.0/OrderService.dll");
            var (code, _, stderr) = ChildProcess.Run(ChildProcess.Dotnet(), ["exec", assembly], repository,
                new Dictionary<string, string> { ["SENTRY_DSN"] = dsn, ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" }, TimeSpan.FromMinutes(1));
            // The sample exits 1 when an order failed: the crash this fixture is for.
            if (code != 1)
            {
                throw new InvalidOperationException($"the demo sample exited {code}, not with its crash: {stderr}");
            }
        }
        finally
        {
            // Every event the SDK sent was acknowledged, so it is committed: stopping the feed loses nothing.
            feed.Kill(entireProcessTree: true);
            feed.WaitForExit();
        }
    }

    private static string ReadDsn(Process feed)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(1))
        {
            var line = feed.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"heal feed exited: {feed.StandardError.ReadToEnd()}");
            if (DsnLine().Match(line) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }
        }

        throw new TimeoutException("heal feed printed no dsn line");
    }

    [GeneratedRegex(@"^dsn (\S+)$")]
    private static partial Regex DsnLine();
}
