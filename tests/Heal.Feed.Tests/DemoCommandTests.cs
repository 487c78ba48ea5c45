using System.Text.RegularExpressions;
using Heal.Cli.Demo;
using Heal.Feed.Tests.Processes;
using Xunit.Abstractions;

namespace Heal.Feed.Tests;

/// <summary><c>heal demo</c> as a user runs it: a child process with nothing configured.</summary>
public sealed partial class DemoCommandTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Demo_NothingConfigured_ReportsTheSampleCrashAndLeavesNothingBehind()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "Demo", "Sample", "src", "OrderService", "PricingService.cs");
        var line = RepositoryPaths.LineOf(sample, "var discount = subtotal * customer.Discount.Rate;");
        var marker = new ProcessMarker();
        var cwd = Directory.CreateTempSubdirectory("heal-demo-test-").FullName;
        try
        {
            var demo = await ChildProcess.RunAsync(DotnetHost.Path, [RepositoryPaths.HealDll, "demo"], cwd, marker.Environment,
                TimeSpan.FromMinutes(10), CancellationToken.None);
            output.WriteLine(demo.Stdout);
            output.WriteLine(demo.Stderr);

            Assert.Equal(0, demo.ExitCode);
            Assert.Contains($"crash: System.NullReferenceException at src/OrderService/PricingService.cs:{line} in decimal PricingService.Total(Order order)", demo.Stdout);
            var workspace = WorkspaceLine().Match(demo.Stdout);
            Assert.True(workspace.Success, "the report names no workspace");
            Assert.False(Directory.Exists(workspace.Groups[1].Value), $"{workspace.Groups[1].Value} is still there");
            Assert.Empty(await marker.LeftoverProcessesAsync(TimeSpan.FromSeconds(10)));
            Assert.Empty(Directory.EnumerateFileSystemEntries(cwd));
        }
        finally
        {
            Directory.Delete(cwd, recursive: true);
        }
    }

    [GeneratedRegex("^workspace (.+)$", RegexOptions.Multiline)]
    private static partial Regex WorkspaceLine();
}
