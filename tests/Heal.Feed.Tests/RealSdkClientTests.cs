using System.Text.Json;
using Heal.Cli.Demo;
using Heal.Feed.Store;
using Heal.Feed.Tests.Processes;
using Xunit.Abstractions;

namespace Heal.Feed.Tests;

/// <summary>
/// Real Sentry SDKs (.NET, Node, Python, Go) as clients of the real <c>heal feed</c> CLI: each client in
/// <c>tests/clients</c> throws at the line marked <c>heal:throw</c> and reports it to the feed's DSN; the test waits until
/// the store holds it and checks what <c>heal errors --json</c> shows: type, message, and the throwing frame's file, line
/// and function.
/// </summary>
public sealed class RealSdkClientTests(DotnetClientBuild dotnetClient, ITestOutputHelper output) : IClassFixture<DotnetClientBuild>
{
    private const string ThrowMarker = "heal:throw";
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task DotnetSdk_CapturedException_StoredWithThrowingFrame()
    {
        var assembly = await dotnetClient.AssemblyAsync();
        await CheckAsync("dotnet/Program.cs", "System.Collections.Generic.KeyNotFoundException", "The given key 'sku-42' was not present in the dictionary.",
            "int Inventory.Reserve(string sku, int quantity)",
            (dsn, env) => ChildProcess.RunAsync(DotnetHost.Path, ["exec", assembly, dsn], RepositoryPaths.Root, env, s_deadline, CancellationToken.None));
    }

    [Fact]
    public async Task NodeSdk_CapturedError_StoredWithThrowingFrame()
    {
        var folder = Path.Combine(RepositoryPaths.Clients, "node");
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "@sentry", "node")),
            "@sentry/node is not installed in tests/clients/node: run tests/scripts/install-test-deps.sh (it runs npm ci there).");
        await CheckAsync("node/client.js", "TypeError", "Cannot read properties of null (reading 'groups')", "parsePrice",
            (dsn, env) => ChildProcess.RunAsync("node", ["client.js", dsn], folder, env, s_deadline, CancellationToken.None));
    }

    [Fact]
    public async Task PythonSdk_CapturedException_StoredWithThrowingFrame()
    {
        var folder = Path.Combine(RepositoryPaths.Clients, "python");
        await CheckAsync("python/client.py", "ZeroDivisionError", "division by zero", "average_rating",
            (dsn, env) => ChildProcess.RunAsync("/usr/bin/python3", ["client.py", dsn], folder, env, s_deadline, CancellationToken.None));
    }

    [Fact]
    public async Task PythonSdk_NoFrameMarkedInApp_StoredWithThrowingFrameAsSentryFallsBack()
    {
        var folder = Path.Combine(RepositoryPaths.Clients, "python");
        await CheckAsync("python/client.py", "ZeroDivisionError", "division by zero", "average_rating",
            (dsn, env) => ChildProcess.RunAsync("/usr/bin/python3", ["client.py", dsn], folder,
                new Dictionary<string, string?>(env) { ["HEAL_CLIENT_NOTHING_IN_APP"] = "1" }, s_deadline, CancellationToken.None));
    }

    [Fact]
    public async Task GoSdk_RecoveredPanic_StoredWithThrowingFrame()
    {
        // Go's SDK is the one optional client (install-test-deps.sh tolerates its absence); say so loudly instead of skipping.
        var probe = await ChildProcess.RunAsync("dpkg", ["-s", "golang-github-getsentry-sentry-go-dev"], RepositoryPaths.Root,
            new Dictionary<string, string?>(), s_deadline, CancellationToken.None);
        if (probe.ExitCode != 0)
        {
            output.WriteLine("NOT RUN: Go's Sentry SDK is not installed (dpkg -s golang-github-getsentry-sentry-go-dev failed); "
                + "the Go client was not built. Install it with tests/scripts/install-test-deps.sh.");
            return;
        }

        var folder = Path.Combine(RepositoryPaths.Clients, "go");
        var binary = Path.Combine(Directory.CreateTempSubdirectory("heal-go-client-").FullName, "client");
        var goEnvironment = new Dictionary<string, string?>
        {
            ["GO111MODULE"] = "off",
            ["GOPATH"] = "/usr/share/gocode",
            ["GOCACHE"] = Path.Combine(Path.GetTempPath(), "heal-test-gocache"),
        };
        try
        {
            var build = await ChildProcess.RunAsync("go", ["build", "-o", binary, "."], folder, goEnvironment, TimeSpan.FromMinutes(5), CancellationToken.None);
            Assert.True(build.ExitCode == 0, $"go build failed ({build.ExitCode}):\n{build.Stdout}\n{build.Stderr}");
            await CheckAsync("go/main.go", "runtime.boundsError", "runtime error: index out of range [3] with length 3", "shippingCost",
                (dsn, env) => ChildProcess.RunAsync(binary, [dsn], folder, env, s_deadline, CancellationToken.None));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(binary)!, recursive: true);
        }
    }

    /// <summary>
    /// Starts <c>heal feed</c>, runs the client against its DSN, waits until the store has the event, and checks the group
    /// <c>heal errors --json</c> lists against the client's source: the frame's line is the one marked <c>heal:throw</c>.
    /// </summary>
    private async Task CheckAsync(string clientSource, string type, string message, string function,
        Func<string, IReadOnlyDictionary<string, string?>, Task<ChildProcessResult>> runClient)
    {
        var source = Path.Combine(RepositoryPaths.Clients, clientSource);
        var line = RepositoryPaths.LineOf(source, ThrowMarker);
        var marker = new ProcessMarker();
        var folder = Directory.CreateTempSubdirectory("heal-sdk-test-").FullName;
        var store = Path.Combine(folder, "feed.db");
        try
        {
            await using (var feed = await HealFeedProcess.StartAsync(store, marker.Environment, s_deadline))
            {
                var client = await runClient(feed.Dsn, marker.Environment);
                output.WriteLine($"client exit {client.ExitCode}\n{client.Stdout}\n{client.Stderr}");
                Assert.True(client.ExitCode == 0, $"the client failed ({client.ExitCode}):\n{client.Stdout}\n{client.Stderr}");

                await WaitForGroupAsync(store, feed);
                var errors = await ChildProcess.RunAsync(DotnetHost.Path, [RepositoryPaths.HealDll, "errors", "--store", store, "--json"],
                    folder, marker.Environment, s_deadline, CancellationToken.None);
                output.WriteLine(errors.Stdout);
                Assert.True(errors.ExitCode == 0, errors.Stderr);

                using var listed = JsonDocument.Parse(errors.Stdout);
                var group = Assert.Single(listed.RootElement.EnumerateArray());
                var frame = group.GetProperty("frame");
                Assert.Equal((type, message), (group.GetProperty("type").GetString(), group.GetProperty("message").GetString()));
                Assert.Equal((source, line, function),
                    (frame.GetProperty("file").GetString(), frame.GetProperty("line").GetInt32(), frame.GetProperty("function").GetString()));
                Assert.Equal(0, await feed.StopAsync(s_deadline));
            }

            Assert.Empty(await marker.LeftoverProcessesAsync(TimeSpan.FromSeconds(10)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Polls the feed's store (another process writes it) until a group appears.</summary>
    private static async Task WaitForGroupAsync(string storePath, HealFeedProcess feed)
    {
        var until = DateTimeOffset.UtcNow + s_deadline;
        await using var store = SqliteErrorStore.OpenExisting(storePath);
        while ((await store.ListGroupsAsync(10, CancellationToken.None)).Count == 0)
        {
            Assert.True(DateTimeOffset.UtcNow < until, $"no event reached the store within {s_deadline.TotalSeconds:0} s. Feed output:\n{feed.Output}");
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
