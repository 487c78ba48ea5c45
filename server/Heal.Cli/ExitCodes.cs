namespace Heal.Cli;

/// <summary>The exit codes of every <c>heal</c> command; nothing else is returned.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked (for diagnose and fix: a patch was proposed or validated).</summary>
    public const int Ok = 0;

    /// <summary>Something failed that the user cannot fix by changing the command line (I/O, a crash, a refused push).</summary>
    public const int Internal = 1;

    /// <summary>The command line, or an input it names, cannot be used as given; the message says which.</summary>
    public const int Usage = 2;

    /// <summary>diagnose declined, or fix declined or rejected the patch: a normal, safe outcome.</summary>
    public const int Declined = 3;

    /// <summary>
    /// fix: a model wrote the patch and, with no sandbox available and no <c>--allow-unsandboxed</c>, Heal refused to build
    /// or test it; the patch is printed for review (docs/security.md).
    /// </summary>
    public const int Unverified = 4;
}
