namespace Heal.Validation.Sandbox;

/// <summary>
/// Finds the sandbox for code no human wrote. <c>HEAL_SANDBOX</c>: unset or <c>auto</c> probes bubblewrap; <c>always</c>
/// also builds and tests the rules' patches (and so the repository's own tests) in it; <c>none</c> behaves as if no
/// sandbox existed (Heal then asks before running such code; the setting can never make Heal run it unasked). The probe runs the real command shape once, so a kernel without user namespaces or a missing
/// <c>setpriv</c>/<c>prlimit</c> is reported, not discovered mid-build.
/// </summary>
public static class SandboxDetector
{
    public const string Variable = "HEAL_SANDBOX";

    /// <summary>The <see cref="Variable"/> value that sandboxes every validation, not only untrusted patches.</summary>
    public const string Always = "always";

    /// <summary>4 GiB of data segment per process: a .NET build and test host fit with room; a runaway allocation does not.</summary>
    public const long DefaultMemoryLimitBytes = 4L * 1024 * 1024 * 1024;

    private static readonly TimeSpan s_probeTimeout = TimeSpan.FromSeconds(30);

    public static async Task<SandboxChoice> DetectAsync(Func<string, string?> environment, CancellationToken cancellationToken, long memoryLimitBytes = DefaultMemoryLimitBytes)
    {
        var setting = environment(Variable);
        if (setting is "none")
        {
            return new SandboxChoice(null, $"the sandbox is switched off ({Variable}=none)");
        }

        if (setting is not (null or "" or "auto" or "bwrap" or Always))
        {
            return new SandboxChoice(null, $"{Variable}={setting} is not auto, always or none");
        }

        if (!OperatingSystem.IsLinux())
        {
            return new SandboxChoice(null, $"Heal has no sandbox on {(OperatingSystem.IsMacOS() ? "macOS" : OperatingSystem.IsWindows() ? "Windows" : "this system")} (bubblewrap is Linux-only)");
        }

        var path = environment("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        var bwrap = Find("bwrap", path);
        if (bwrap is null)
        {
            return new SandboxChoice(null, "bwrap was not found on PATH (install bubblewrap, e.g. Debian's bubblewrap package)");
        }

        var sandbox = new BubblewrapSandbox(bwrap, memoryLimitBytes);
        foreach (var tool in sandbox.NeedsOwnership ? ["setpriv", "prlimit", "chown"] : new[] { "prlimit" })
        {
            if (Find(tool, path) is null)
            {
                return new SandboxChoice(null, $"{tool} was not found on PATH (Debian's util-linux/coreutils), which the sandbox needs");
            }
        }

        var probe = await sandbox.RunAsync(sandbox.Command(new SandboxLayout([], [], [], "/"), "true", [], new Dictionary<string, string> { ["PATH"] = path }),
            "/", s_probeTimeout, cancellationToken);
        if (!probe.Succeeded)
        {
            var why = probe.TimedOut ? "it did not answer" : probe.Tail(1).Trim();
            return new SandboxChoice(null, $"bwrap does not work here ({(why.Length == 0 ? $"exit code {probe.ExitCode}" : why)})");
        }

        return new SandboxChoice(sandbox, sandbox.Description);
    }

    private static string? Find(string program, string path) =>
        path.Split(':', StringSplitOptions.RemoveEmptyEntries).Select(folder => Path.Combine(folder, program)).FirstOrDefault(File.Exists);
}
