using Heal.Testing;

namespace Heal.Validation.Tests;

/// <summary>
/// <see cref="ProcessRunner"/> on real processes (<c>sh</c>): the output cap, the timeout and cancellation that kill the
/// whole process tree, and the environment a nested build gets.
/// </summary>
public sealed class ProcessRunnerTests
{
    private static readonly TimeSpan s_generous = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task RunAsync_OutputOverTheCap_KeepsTheStartAndSaysSo()
    {
        using var folder = new TempDirectory();
        // About 2.4 MB of lines against a cap of 256 Ki characters: the rest is drained and dropped, not buffered.
        var result = await ProcessRunner.RunAsync("sh", ["-c", "yes 0123456789abcdef0123 | head -n 100000"], folder.Path, s_generous, null, CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("0123456789abcdef0123\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.EndsWith("[output truncated]\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.InRange(result.StandardOutput.Length, 200 * 1024, 256 * 1024 + 64);
    }

    [Fact]
    public async Task RunAsync_Timeout_KillsTheProcessTreeAndReportsTimedOut()
    {
        using var folder = new TempDirectory();
        var pidFile = folder.Combine("grandchild.pid");

        var result = await ProcessRunner.RunAsync("sh", ["-c", $"sleep 300 & echo $! > '{pidFile}'; echo started; wait"], folder.Path, TimeSpan.FromSeconds(2), null, CancellationToken.None);

        Assert.True(result.TimedOut);
        Assert.Equal(-1, result.ExitCode);
        Assert.False(result.Succeeded);
        Assert.False(await StillRunningAfterKillAsync(pidFile), "the grandchild outlived the timeout");
    }

    [Fact]
    public async Task RunAsync_Cancelled_ThrowsAfterKillingTheProcessTree()
    {
        using var folder = new TempDirectory();
        var pidFile = folder.Combine("grandchild.pid");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(2));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ProcessRunner.RunAsync("sh", ["-c", $"sleep 300 & echo $! > '{pidFile}'; wait"], folder.Path, s_generous, null, cancellation.Token));

        Assert.False(await StillRunningAfterKillAsync(pidFile), "the grandchild outlived the cancellation");
    }

    [Fact]
    public async Task RunAsync_EnclosingBuildVariables_RemovedAndGivenOnesSet()
    {
        using var folder = new TempDirectory();
        const string Inherited = "MSBuildHealProcessRunnerProbe";
        Environment.SetEnvironmentVariable(Inherited, "leaked");
        try
        {
            var result = await ProcessRunner.RunAsync(
                "sh", ["-c", $"echo \"${{{Inherited}:-absent}} $HEAL_PROBE $GIT_TERMINAL_PROMPT\""], folder.Path, s_generous,
                new Dictionary<string, string?> { ["HEAL_PROBE"] = "given" }, CancellationToken.None);

            Assert.Equal("absent given 0\n", result.StandardOutput);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Inherited, null);
        }
    }

    /// <summary>
    /// Whether the grandchild whose pid is in <paramref name="pidFile"/> is still alive 10 s after the runner returned.
    /// SIGKILL is delivered asynchronously: the runner waits for its own child only, so a killed grandchild can show as
    /// running for a moment under load (CI saw it once). The grandchild sleeps 300 s, so one that was never killed is
    /// still running at the end of the grace period and the test fails.
    /// </summary>
    private static async Task<bool> StillRunningAfterKillAsync(string pidFile)
    {
        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (IsRunning(pid))
        {
            if (DateTime.UtcNow > deadline)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    /// <summary>True while the process exists and is not a zombie waiting to be reaped.</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
