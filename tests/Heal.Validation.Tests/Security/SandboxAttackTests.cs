using System.Net;
using System.Net.Sockets;
using Heal.Testing;
using Heal.Validation.Sandbox;

namespace Heal.Validation.Tests.Security;

/// <summary>
/// What code run in the sandbox can reach, tried with small programs (sh, bash, python3) instead of a whole build:
/// files outside the worktree, the user's repository, the network, Heal's environment, memory, time, /proc/sys.
/// The sandbox must be available here (install-test-deps.sh installs bubblewrap); without it these tests fail with the reason.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SandboxAttackTests : IAsyncLifetime
{
    private readonly TempDirectory _work = new("heal-work");
    private readonly TempDirectory _outside = new("heal-outside");
    private GitRepository _repository = null!;
    private string _worktree = null!;
    private BubblewrapSandbox _sandbox = null!;

    public async Task InitializeAsync()
    {
        _repository = GitRepository.Create("//- src/App.cs\nnamespace App;\n");
        var choice = await SandboxDetector.DetectAsync(Environment.GetEnvironmentVariable, CancellationToken.None, memoryLimitBytes: 1L << 30);
        Assert.True(choice.Available, "no sandbox: " + choice.Why);
        _sandbox = choice.Sandbox!;
        _worktree = PrivateDirectory.Ensure(_work.Combine("heal")) + "/worktree";
        _repository.Git("worktree", "add", "--detach", "--quiet", _worktree, "HEAD");
    }

    public Task DisposeAsync()
    {
        _repository.Dispose();
        _outside.Dispose();
        _work.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Run_WritesOutsideTheWorktree_FailAndLeaveNothingOnTheHost()
    {
        var marker = _outside.Combine("escaped");
        var inRepository = Path.Combine(_repository.Path, "pwned");
        var before = _repository.HashUserState();

        var result = await RunAsync("sh", "-c", $"echo x > {marker}; echo x > {inRepository}; echo x > /etc/heal-pwned; echo ok > written-inside");

        Assert.False(File.Exists(marker));
        Assert.False(File.Exists("/etc/heal-pwned"));
        Assert.Equal(before, _repository.HashUserState());
        Assert.Contains("Read-only file system", result.StandardError, StringComparison.Ordinal);
        // The worktree itself is writable: the sandbox confines, it does not simply fail everything.
        Assert.Equal("ok\n", File.ReadAllText(Path.Combine(_worktree, "written-inside")));
    }

    [Fact]
    public async Task Run_ConnectsToALoopbackServer_NoConnectionArrives()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        var result = await RunAsync("bash", "-c", $"echo 'GET /pwned HTTP/1.0' > /dev/tcp/127.0.0.1/{port} && echo CONNECTED");

        Assert.DoesNotContain("CONNECTED", result.StandardOutput, StringComparison.Ordinal);
        Assert.False(listener.Pending(), "a connection reached the host");
        Assert.NotEqual(0, result.ExitCode);
    }

    [Fact]
    public async Task Run_ReadsHealsEnvironmentAndHome_SeesNeither()
    {
        Environment.SetEnvironmentVariable("HEAL_SECURITY_CANARY", "ghp_canary_0123456789");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

        var result = await RunAsync("sh", "-c", $"echo \"canary=${{HEAL_SECURITY_CANARY:-absent}} token=${{GITHUB_TOKEN:-absent}}\"; ls -A {home}");

        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("canary=absent token=absent", lines[0]);
        // Only the folders on the way to what is mounted again (the NuGet packages, the SDK when it lives there) remain.
        Assert.All(lines.Skip(1), entry => Assert.True(entry is ".nuget" or ".dotnet", $"{home}/{entry} is visible in the sandbox"));
    }

    [Fact]
    public async Task Run_AllocatesMoreThanTheMemoryLimit_Fails()
    {
        var result = await RunAsync("python3", "-c", "b = bytearray(2 * 1024 ** 3); print('ALLOCATED')");

        Assert.DoesNotContain("ALLOCATED", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("MemoryError", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PastItsTime_IsKilled()
    {
        var result = await RunAsync(TimeSpan.FromSeconds(1), "sleep", "600");

        Assert.True(result.TimedOut);
        Assert.InRange(result.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Run_WritesAKernelSetting_Refused()
    {
        // The same value back: harmless if it were allowed, which is what the test would then show.
        var result = await RunAsync("sh", "-c", "cat /proc/sys/vm/swappiness > /proc/sys/vm/swappiness && echo WROTE; id -u");

        Assert.DoesNotContain("WROTE", result.StandardOutput, StringComparison.Ordinal);
        if (Environment.UserName == "root")
        {
            Assert.EndsWith($"{BubblewrapSandbox.SandboxUserWhenRoot}\n", result.StandardOutput, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Run_WorktreeHoldsALinkToAHostFile_HandingTheWorktreeOverDoesNotFollowIt()
    {
        var hostFile = _outside.Combine("host-owned");
        File.WriteAllText(hostFile, "mine\n");
        File.CreateSymbolicLink(Path.Combine(_worktree, "link"), hostFile);
        var before = File.GetUnixFileMode(hostFile);

        var result = await RunAsync("sh", "-c", "echo x > link; echo done");

        Assert.Equal("mine\n", File.ReadAllText(hostFile));
        Assert.Equal(before, File.GetUnixFileMode(hostFile));
        Assert.Equal(Environment.UserName, OwnerName(hostFile));
        Assert.Contains("done", result.StandardOutput, StringComparison.Ordinal);
    }

    private Task<ProcessResult> RunAsync(string program, params string[] arguments) => RunAsync(TimeSpan.FromMinutes(1), program, arguments);

    private async Task<ProcessResult> RunAsync(TimeSpan timeout, string program, params string[] arguments)
    {
        using var session = _sandbox.CreateSession(_worktree, PrivateDirectory.Ensure(_work.Combine("heal")), _repository.Path);
        return await session.RunAsync(program, arguments, timeout, CancellationToken.None);
    }

    private static string OwnerName(string path)
    {
        var startInfo = new System.Diagnostics.ProcessStartInfo("stat") { RedirectStandardOutput = true };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add("%U");
        startInfo.ArgumentList.Add(path);
        using var process = System.Diagnostics.Process.Start(startInfo)!;
        var owner = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return owner;
    }
}
