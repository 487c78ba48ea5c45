using System.Collections.Immutable;

namespace Heal.Core.Model;

/// <summary>
/// The proof that a patch is safe to offer: every gate with its result, and one confidence combining the
/// diagnoser's with the gates'. <see cref="Passed"/> is true only when no gate failed.
/// </summary>
/// <param name="BaseCommit">The commit the patch was validated against.</param>
/// <param name="RegressionTest">A test that failed before the patch and passes after, as a unified diff adding it; null when none could be written.</param>
/// <param name="FailureOutput">Build or test output to give the diagnoser for a second attempt; null when build and tests passed.</param>
/// <param name="Timings">Seconds per step (worktree, apply, build, tests…).</param>
public sealed record ValidationReport(
    bool Passed,
    ImmutableArray<GateResult> Gates,
    double Confidence,
    ImmutableArray<ConfidenceReason> Reasons,
    string BaseCommit,
    string? RegressionTest,
    string? FailureOutput,
    ImmutableDictionary<string, double> Timings)
{
    public GateResult? Gate(string name) => Gates.FirstOrDefault(g => g.Name == name);
}
