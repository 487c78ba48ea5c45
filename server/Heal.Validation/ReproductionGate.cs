using Heal.Core.Model;
using Heal.Validation.Dotnet;

namespace Heal.Validation;

/// <summary>
/// Reads the regression test's two runs into the <c>reproduction</c> gate. Without the fix the test must fail
/// with the crash's exception, or it proves nothing either way and the gate is skipped (the test was written by
/// a heuristic, so a test that misses the crash is no evidence against the patch). With the fix it must pass; a
/// failure there fails the gate, and a run that gives no result skips it.
/// </summary>
internal static class ReproductionGate
{
    /// <summary>Null when the test reproduced the crash (the run with the fix decides); else the skipped gate saying why.</summary>
    /// <param name="results">The run's results, or null when it gave none (the test did not build, or the run failed).</param>
    /// <param name="run">The run's own gate: a failed <c>build</c> gate when the test did not build.</param>
    public static GateResult? WithoutFix(string className, string? exceptionName, TrxReport? results, GateResult run)
    {
        var own = results?.Where(r => r.IsIn(className)) ?? TrxReport.Empty;
        if (own.Passed + own.Failed == 0)
        {
            return GateResult.Skip("reproduction", run.Name == "build"
                ? $"{className} does not build without the fix: {run.Detail}"
                : $"{className} gave no test results without the fix");
        }

        if (own.Failed == 0)
        {
            return GateResult.Skip("reproduction", $"{className} passes without the fix: it does not reproduce the crash");
        }

        if (exceptionName is not null && !own.Results.Any(r => r.Failed && (r.Message + "\n" + r.StackTrace).Contains(exceptionName, StringComparison.Ordinal)))
        {
            return GateResult.Skip("reproduction", $"{className} fails without the fix, but not with the crash's {exceptionName}: {own.Failures[0].Message}");
        }

        return null;
    }

    /// <summary>The gate from the run with the fix, in which the test ran among the affected tests.</summary>
    public static GateResult WithFix(string className, string? exceptionName, TrxReport results)
    {
        var own = results.Where(r => r.IsIn(className));
        if (own.Failed > 0)
        {
            return GateResult.Fail("reproduction", $"{className} fails with the fix: {own.Failures[0].Message}");
        }

        if (own.Passed == 0)
        {
            return GateResult.Skip("reproduction", $"{className} gave no test results with the fix");
        }

        var crash = exceptionName is null ? "" : $" (without it, it throws the crash's {exceptionName})";
        return GateResult.Pass("reproduction", $"{className} fails without the fix and passes with it{crash}");
    }
}
