namespace Heal.Validation;

/// <summary>What a patch may do. Strict by default: only the files of the error's in-app frames, plus new test files.</summary>
/// <param name="MaxChangedLines">Added plus removed lines, at most.</param>
/// <param name="StrictScope">When false, any C# source file of the repository may change (never CI, build or project files).</param>
/// <param name="BuildTimeout">Per <c>dotnet build</c>.</param>
/// <param name="TestTimeout">Per <c>dotnet test</c>.</param>
/// <param name="ReuseBuildOutputs">Keep restore and build outputs in Heal's cache between validations of the same repository (see <c>BuildCache</c>).</param>
/// <param name="WorkRoot">Heal's own folder for everything validation writes; <c>$TMPDIR/heal-&lt;user&gt;</c> (mode 0700) when null. See <see cref="PrivateDirectory"/>.</param>
/// <param name="UseBuildServers">Reuse MSBuild and compiler servers across builds (fast); off when nothing may be left running.</param>
/// <param name="AllowUnsandboxed">The user agreed to build and test code no human wrote on this machine when no sandbox is available (<c>heal fix --allow-unsandboxed</c>).</param>
public sealed record ValidationPolicy(
    int MaxChangedLines = 30,
    bool StrictScope = true,
    bool RunBuild = true,
    bool RunTests = true,
    TimeSpan? BuildTimeout = null,
    TimeSpan? TestTimeout = null,
    bool UseBuildServers = true,
    bool ReuseBuildOutputs = true,
    string? WorkRoot = null,
    bool AllowUnsandboxed = false)
{
    public static ValidationPolicy Default { get; } = new();

    /// <summary>Where validation writes (worktrees, the build cache, test results): <c>WorkRoot</c>, else <see cref="PrivateDirectory.DefaultWorkRoot"/>.</summary>
    public string EffectiveWorkRoot => WorkRoot ?? PrivateDirectory.DefaultWorkRoot;

    public TimeSpan EffectiveBuildTimeout => BuildTimeout ?? TimeSpan.FromMinutes(5);

    public TimeSpan EffectiveTestTimeout => TestTimeout ?? TimeSpan.FromMinutes(10);
}
