using System.Collections.Immutable;
using Heal.Core.Model;

namespace Heal.Validation;

/// <summary>Combines the diagnoser's confidence with what the gates proved into one score with its reasons.</summary>
public static class ConfidenceScore
{
    public static (double Confidence, ImmutableArray<ConfidenceReason> Reasons) Combine(Diagnosis diagnosis, IReadOnlyList<GateResult> gates)
    {
        var reasons = ImmutableArray.CreateBuilder<ConfidenceReason>();
        reasons.Add(new ConfidenceReason(diagnosis.Confidence, $"{diagnosis.Diagnoser} proposed it with confidence {diagnosis.Confidence:0.00}"));
        var failed = gates.FirstOrDefault(g => g.Status == GateStatus.Failed);
        if (failed is not null)
        {
            reasons.Add(new ConfidenceReason(-diagnosis.Confidence, $"the {failed.Name} gate failed: {failed.Detail}"));
            return (0, reasons.ToImmutable());
        }

        var score = diagnosis.Confidence;
        void Adjust(double delta, string reason)
        {
            var applied = Math.Clamp(score + delta, 0, 1) - score;
            score += applied;
            reasons.Add(new ConfidenceReason(applied, reason));
        }

        var tests = gates.FirstOrDefault(g => g.Name == "tests");
        var build = gates.FirstOrDefault(g => g.Name == "build");
        var reproduction = gates.FirstOrDefault(g => g.Name == "reproduction");
        if (build?.Passed == true)
        {
            Adjust(0.03, "the affected projects build");
        }
        else
        {
            Adjust(-0.2, "the build was not run");
        }

        if (tests?.Passed == true)
        {
            Adjust(0.05, "the affected tests pass: " + tests.Detail);
        }
        else
        {
            Adjust(-0.1, "no test covers the changed code");
        }

        if (reproduction?.Passed == true)
        {
            Adjust(0.1, "a regression test reproduces the crash and passes with the fix");
        }
        else
        {
            Adjust(-0.05, "the crash was not reproduced by a test");
        }

        return (Math.Round(score, 2), reasons.ToImmutable());
    }
}
