using Heal.Cli.Demo;

namespace Heal.Feed.Tests.Processes;

/// <summary>
/// Builds the .NET Sentry client (<c>tests/clients/dotnet</c>) once per test run, on first use, into a temporary folder.
/// The build restores from the local package cache or the configured feed, and leaves no build server running.
/// </summary>
public sealed class DotnetClientBuild : IAsyncLifetime
{
    private readonly string _output = Directory.CreateTempSubdirectory("heal-dotnet-client-").FullName;
    private readonly Lazy<Task<string>> _assembly;

    public DotnetClientBuild()
    {
        _assembly = new Lazy<Task<string>>(BuildAsync);
    }

    /// <summary>The built client's DLL; the build's output in the failure message when it did not build.</summary>
    public Task<string> AssemblyAsync() => _assembly.Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_output, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<string> BuildAsync()
    {
        var project = Path.Combine(RepositoryPaths.Clients, "dotnet", "HealClient.csproj");
        string[] arguments = ["build", project, "-c", "Debug", "-o", _output, "-nologo", "-v", "q", "-clp:NoSummary", .. DotnetHost.BuildSwitches];
        var result = await ChildProcess.RunAsync(DotnetHost.Path, arguments, RepositoryPaths.Root, DotnetHost.BuildEnvironment,
            TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.True(result.ExitCode == 0, $"dotnet build {project} failed ({result.ExitCode}):\n{result.Stdout}\n{result.Stderr}");
        return Path.Combine(_output, "HealClient.dll");
    }
}
