namespace Heal.Repair.Benchmarks;

/// <summary>What one child process measured: one loader on one repository (times in ms).</summary>
/// <param name="FirstLoadMs">The first load in the process: what a freshly started CLI pays (JIT, assembly loading and, for MSBuild, the BuildHost included).</param>
/// <param name="CompileMs">Getting every project's compilation and its diagnostics after the first load.</param>
/// <param name="WarmLoadMs">The loads repeated afterwards in the same process, each into a new workspace.</param>
/// <param name="GeneratedDocuments">Of <paramref name="Documents"/>, those that are not C# files of the repository: generated under <c>obj/</c> (global usings, assembly attributes), taken from a package (a test host's entry point), or made up by the loader (the ad-hoc loader's global usings).</param>
/// <param name="Errors">Compilation diagnostics of severity Error over all projects.</param>
/// <param name="TopErrors">The most frequent error ids, e.g. <c>CS0246 ×12</c>, with one message each.</param>
/// <param name="LoaderMessages">What the loader itself reported: the ad-hoc loader's problems, or MSBuildWorkspace's diagnostics.</param>
/// <param name="Failure">Set when the load failed: the exception's type and message.</param>
public sealed record Measurement(
    string Repository,
    string Loader,
    double? FirstLoadMs,
    double? CompileMs,
    List<double> WarmLoadMs,
    int Projects,
    int Documents,
    int GeneratedDocuments,
    int Errors,
    List<string> TopErrors,
    int LoaderMessageCount,
    List<string> LoaderMessages,
    string? Failure)
{
    public double? WarmMedianMs => WarmLoadMs.Count == 0 ? null : Median(WarmLoadMs);

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
