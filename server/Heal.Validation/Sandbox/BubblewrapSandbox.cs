using System.Globalization;
using System.Runtime.InteropServices;

namespace Heal.Validation.Sandbox;

/// <summary>
/// Runs code no human wrote (a model's patch, its build and its tests) inside bubblewrap on Linux: no network (its own
/// empty network namespace), its own process, IPC and UTS namespaces, the whole file system read-only, the home folder,
/// <c>/tmp</c>, <c>$TMPDIR</c> and Heal's work folder replaced by empty ones, and only two folders writable: the worktree and
/// a private folder that holds HOME and TMPDIR. The repository, the NuGet package folder and the .NET SDK stay visible,
/// read-only. Every process gets a memory (data segment) limit through <c>prlimit</c>; the caller's timeouts kill the
/// whole tree. When Heal runs as root, the sandboxed processes run as <c>nobody</c> with no capabilities (a root process
/// without capabilities could still write <c>/proc/sys</c>), and the worktree is handed to that user first.
/// </summary>
public sealed class BubblewrapSandbox
{
    /// <summary>The user id sandboxed processes run as when Heal itself runs as root (<c>nobody</c>).</summary>
    public const int SandboxUserWhenRoot = 65534;

    private readonly string _bwrap;
    private readonly bool _root;

    internal BubblewrapSandbox(string bwrap, long memoryLimitBytes)
    {
        _bwrap = bwrap;
        MemoryLimitBytes = memoryLimitBytes;
        _root = geteuid() == 0;
    }

    /// <summary>Per-process limit on the data segment (<c>RLIMIT_DATA</c>: the memory a process can allocate).</summary>
    public long MemoryLimitBytes { get; }

    public string Description => $"bubblewrap ({_bwrap}): no network, read-only file system, {MemoryLimitBytes / (1024 * 1024)} MiB per process{(_root ? ", as user nobody" : "")}";

    /// <summary>Prepares a sandbox around <paramref name="worktree"/>; its private folder goes under <paramref name="workRoot"/>.</summary>
    public SandboxSession CreateSession(string worktree, string workRoot, string repository) =>
        SandboxSession.Create(this, worktree, workRoot, repository);

    /// <summary>
    /// The command line that runs <paramref name="program"/> inside the sandbox: bwrap's options, then (as root) setpriv to
    /// drop to nobody, then prlimit, then the program.
    /// </summary>
    internal IReadOnlyList<string> Command(SandboxLayout layout, string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        List<string> command = ["--die-with-parent", "--new-session"];
        if (!_root)
        {
            command.Add("--unshare-user");
        }

        command.AddRange(["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try"]);
        command.AddRange(["--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"]);
        if (_root)
        {
            command.AddRange(["--ro-bind", "/proc/sys", "/proc/sys"]);
        }

        command.AddRange(layout.MountArguments());
        command.AddRange(["--chdir", layout.WorkingDirectory, "--clearenv"]);
        foreach (var (name, value) in environment)
        {
            command.AddRange(["--setenv", name, value]);
        }

        command.Add("--");
        if (_root)
        {
            command.AddRange(["setpriv", $"--reuid={SandboxUserWhenRoot}", $"--regid={SandboxUserWhenRoot}", "--clear-groups", "--bounding-set=-all", "--inh-caps=-all", "--"]);
        }

        command.AddRange(["prlimit", $"--data={MemoryLimitBytes.ToString(CultureInfo.InvariantCulture)}", "--", program]);
        command.AddRange(arguments);
        return command;
    }

    /// <summary>
    /// Runs bwrap with <paramref name="command"/>. bwrap's <c>--die-with-parent</c> kills the sandbox when the thread that
    /// started it ends (Linux ties the parent-death signal to a thread, not a process), and .NET retires idle pool
    /// threads; so bwrap is started from a thread of its own that waits until it exits. <see cref="ProcessRunner"/> starts
    /// the process (CliWrap's <c>ExecuteAsync</c>) before its first await, so the start happens on this thread.
    /// </summary>
    internal Task<ProcessResult> RunAsync(IReadOnlyList<string> command, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var result = new TaskCompletionSource<ProcessResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                result.SetResult(ProcessRunner.RunAsync(_bwrap, command, workingDirectory, timeout, null, cancellationToken).GetAwaiter().GetResult());
            }
            catch (Exception e)
            {
                result.SetException(e);
            }
        })
        {
            IsBackground = true,
            Name = "heal-sandbox",
        };
        thread.Start();
        return result.Task;
    }

    /// <summary>True when the sandboxed user differs from Heal's (root): the writable folders must be handed to it.</summary>
    internal bool NeedsOwnership => _root;

    [DllImport("libc")]
    private static extern uint geteuid();
}
