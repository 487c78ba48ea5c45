using System.Collections.Immutable;
using Heal.Core.Model;
using Heal.Repair.Analysis;

namespace Heal.Repair.Rules;

/// <summary>
/// Decides between the candidate fixes of one crash: the best is offered only when it clearly dominates (by
/// <see cref="DominanceMargin"/>) every candidate with a different behaviour; otherwise the rule declines and lists
/// them with their evidence, so a person can choose. A contract that says the failure is intended declines outright.
/// </summary>
public static class CandidateChoice
{
    /// <summary>How far the best candidate must score above the best one that behaves differently.</summary>
    public const double DominanceMargin = 0.2;

    /// <summary>A lone candidate scoring below this is not offered: the evidence for any behaviour is too thin.</summary>
    public const double MinimumScore = 0.3;

    /// <param name="rootCause">The crash's root cause (shared by every candidate).</param>
    /// <param name="candidates">Every fix the rule could write, in any order.</param>
    /// <param name="evidence">Source lines shared by every candidate (the throwing line…).</param>
    /// <param name="intent">What the repository says about the failing case.</param>
    /// <param name="noCandidate">The decline reason when there is no candidate at all.</param>
    public static RuleResult Choose(string rootCause, IEnumerable<RuleCandidate> candidates, IEnumerable<Evidence> evidence, Intent intent, string noCandidate)
    {
        var shared = evidence.ToImmutableArray();
        if (intent.Intended is { } intended)
        {
            return RuleResult.Decline(rootCause,
                $"{intended.Source} says this failure is intended ({intended.Path}:{intended.Line}: {intended.Text}), so it must surface rather than be handled here",
                shared) with { Intent = intent.Signals };
        }

        // The same edits reached two ways count once, at their better score.
        var ranked = candidates
            .Where(c => !c.Edits.IsDefaultOrEmpty)
            .GroupBy(c => string.Join("\u0000", c.Edits.Select(e => e.RelativePath + "\u0001" + e.NewText)), StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(c => c.Score).First())
            .OrderByDescending(c => c.Score)
            .ToImmutableArray();
        if (ranked.IsEmpty)
        {
            return RuleResult.Decline(rootCause, noCandidate, shared) with { Intent = intent.Signals };
        }

        var best = ranked[0];
        var rival = ranked.Skip(1).FirstOrDefault(c => !SameBehaviour(c, best));
        if (best.Score < MinimumScore)
        {
            return RuleResult.Decline(rootCause,
                $"the evidence for any behaviour is too thin: the best candidate, {Describe(best)}, scores {best.Score:0.00}",
                shared) with { Intent = intent.Signals, Candidates = ranked };
        }

        if (rival is not null && best.Score - rival.Score < DominanceMargin)
        {
            var list = string.Join("; ", ranked.Where(c => c == best || !SameBehaviour(c, best) || c == rival).Take(4).Select(Describe));
            return RuleResult.Decline(rootCause,
                $"the code says to handle this case in more than one way and none clearly dominates: {list}",
                shared) with { Intent = intent.Signals, Candidates = ranked };
        }

        var reasons = best.Reasons;
        if (rival is not null)
        {
            reasons = reasons.Add(new ConfidenceReason(0, $"preferred over {Describe(rival)}"));
        }

        var used = best.Intent.Concat(intent.Signals.Where(s => s.Stance is IntentStance.Optional or IntentStance.Required))
            .Distinct().ToImmutableArray();
        return new RuleResult(rootCause, string.IsNullOrWhiteSpace(best.Why) ? best.Summary : best.Why, best.Edits, best.FixKind, best.Score, reasons,
            shared.AddRange(best.Evidence).Distinct().ToImmutableArray(), null)
        {
            // The method-level result when the edit gives one (a default substituted in `return d[k];` is what the method returns).
            Outcome = best.AlsoRealises?.Kind == OutcomeKind.Return ? best.AlsoRealises : best.Outcome,
            Intent = used,
            Candidates = ranked,
        };
    }

    private static bool SameBehaviour(RuleCandidate a, RuleCandidate b) => a.BehavesLike(b);

    private static string Describe(RuleCandidate candidate) =>
        $"{candidate.Summary} ({candidate.Score:0.00}{(candidate.Intent.IsDefaultOrEmpty ? "" : ": " + string.Join(", ", candidate.Intent.Take(2).Select(s => s.KindName + " " + s.Says)))})";
}
