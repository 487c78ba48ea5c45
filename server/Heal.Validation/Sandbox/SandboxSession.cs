using System.Globalization;

namespace Heal.Validation.Sandbox;

/// <summary>
/// One validation's sandbox: the worktree and a private folder (HOME, TMPDIR, test results) are the only writable places.
/// Disposing deletes the private folder; the worktree is removed by its owner, <see cref="Git.Worktree"/>.
/// </summary>
public sealed class SandboxSession : IDisposable
{
    private static readonly TimeSpan s_ownershipTimeout = TimeSpan.FromMinutes(1);
    private readonly BubblewrapSandbox _sandbox;
    private readonly SandboxLayout _layout;
    private readonly IReadOnlyDictionary<string, string> _environment;

    private SandboxSession(BubblewrapSandbox sandbox, SandboxLayout layout, string privateDirectory, IReadOnlyDictionary<string, string> environment)
    {
        _sandbox = sandbox;
        _layout = layout;
        PrivateDirectory = privateDirectory;
        _environment = environment;
    }

    /// <summary>Writable by the sandbox; HOME and TMPDIR point here.</summary>
    public string PrivateDirectory { get; }

    /// <summary>Where test results are written (inside <see cref="PrivateDirectory"/>).</summary>
    public string ResultsRoot => Path.Combine(PrivateDirectory, "results");

    public string Description => _sandbox.Description;

    internal static SandboxSession Create(BubblewrapSandbox sandbox, string worktree, string workRoot, string repository)
    {
        var privateDirectory = Path.Combine(workRoot, "sandbox-" + Guid.NewGuid().ToString("N")[..12]);
        var home = Path.Combine(privateDirectory, "home");
        var temp = Path.Combine(privateDirectory, "tmp");
        Directory.CreateDirectory(home);
        Directory.CreateDirectory(temp);
        Directory.CreateDirectory(Path.Combine(privateDirectory, "results"));

        var userHome = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(userHome, ".nuget", "packages");
        var dotnetRoot = DotnetRoot();
        List<string> hidden = ["/tmp", Path.GetTempPath(), workRoot];
        if (userHome.Length > 1)
        {
            hidden.Add(userHome);
        }

        List<string> readOnly = [repository];
        readOnly.AddRange(new[] { packages, dotnetRoot }.OfType<string>().Where(Directory.Exists));
        var layout = new SandboxLayout(hidden.Where(Directory.Exists).ToList(), readOnly, [privateDirectory, worktree], worktree);

        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin",
            ["HOME"] = home,
            ["TMPDIR"] = temp,
            ["DOTNET_CLI_HOME"] = home,
            ["NUGET_PACKAGES"] = packages,
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            ["MSBUILDDISABLENODEREUSE"] = "1",
        };
        if (dotnetRoot is not null)
        {
            environment["DOTNET_ROOT"] = dotnetRoot;
        }

        return new SandboxSession(sandbox, layout, privateDirectory, environment);
    }

    /// <summary>Runs <paramref name="program"/> in the sandbox, in the worktree; output and timeout as <see cref="ProcessRunner"/>.</summary>
    public async Task<ProcessResult> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_sandbox.NeedsOwnership)
        {
            // Hand the writable folders to the sandbox's user. -h and -P: never follow a symbolic link the worktree holds.
            var owner = BubblewrapSandbox.SandboxUserWhenRoot.ToString(CultureInfo.InvariantCulture);
            var chown = await ProcessRunner.RunAsync("chown", ["-R", "-h", "-P", $"{owner}:{owner}", "--", .. _layout.Writable], "/", s_ownershipTimeout, null, cancellationToken);
            if (!chown.Succeeded)
            {
                throw new IOException($"could not hand the worktree to the sandbox's user: {chown.Tail(2)}");
            }
        }

        return await _sandbox.RunAsync(_sandbox.Command(_layout, program, arguments, _environment), _layout.WorkingDirectory, timeout, cancellationToken);
    }

    public void Dispose() => SafeDelete.Directory(PrivateDirectory);

    /// <summary>The folder of the <c>dotnet</c> on PATH, links resolved (e.g. <c>/usr/share/dotnet</c>); null when there is none.</summary>
    private static string? DotnetRoot()
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, "dotnet");
            if (File.Exists(candidate))
            {
                var resolved = new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate;
                return Path.GetDirectoryName(resolved);
            }
        }

        return null;
    }
}
