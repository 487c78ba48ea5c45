namespace Heal.Validation;

/// <summary>What a patch may do. Strict by default: only the files of the error's in-app frames, plus new test files.</summary>
/// <param name="MaxChangedLines">Added plus removed lines, at most.</param>
/// <param name="StrictScope">When false, any C# source file of the repository may change (never CI, build or project files).</param>
/// <param name="BuildTimeout">Per <c>dotnet build</c>.</param>
/// <param name="TestTimeout">Per <c>dotnet test</c>.</param>
/// <param name="ReuseBuildOutputs">Keep restore and build outputs in Heal's cache between validations of the same repository (see <c>BuildCache</c>).</param>
/// <param name="UseBuildServers">Reuse MSBuild and compiler servers across builds (fast); off when nothing may be left running.</param>
public sealed record ValidationPolicy(
    int MaxChangedLines = 30,
    bool StrictScope = true,
    bool RunBuild = true,
    bool RunTests = true,
    TimeSpan? BuildTimeout = null,
    TimeSpan? TestTimeout = null,
    bool UseBuildServers = true,
    bool ReuseBuildOutputs = true)
{
    public static ValidationPolicy Default { get; } = new();

    public TimeSpan EffectiveBuildTimeout => BuildTimeout ?? TimeSpan.FromMinutes(5);

    public TimeSpan EffectiveTestTimeout => TestTimeout ?? TimeSpan.FromMinutes(10);
}
