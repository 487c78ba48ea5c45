using System.Collections.Immutable;

namespace Heal.Repair.Analysis;

/// <summary>
/// Everything the repository says about one failing case (<see cref="IntentAnalysis.Collect"/>), and how it bears on a
/// candidate outcome: what supports it, what names something else, what forbids it.
/// </summary>
public sealed record Intent(FailureCondition Condition, ImmutableArray<IntentSignal> Signals)
{
    /// <summary>
    /// A signal naming another outcome counts against a candidate at this share of its weight: two supported
    /// behaviours then drift apart by their difference, and a lone candidate that contradicts the evidence loses.
    /// </summary>
    public const double DisagreementShare = 0.5;

    public static Intent None(FailureCondition condition) => new(condition, []);

    /// <summary>The contract says the failure itself is intended (it documents exactly this exception, or calls the case an error).</summary>
    public IntentSignal? Intended => Signals.FirstOrDefault(s => s.Stance == IntentStance.Intended);

    /// <summary>Something says the value may be absent or names what to do then: a guard is legitimate.</summary>
    public bool AbsenceExpected => Signals.Any(s => s.Stance is IntentStance.Optional or IntentStance.Names);

    /// <summary>The value must be present (<c>[NotNull]</c>, <c>required</c>, "never null"), and nothing names an outcome.</summary>
    public bool AbsenceIsBug => Signals.Any(s => s.Stance == IntentStance.Required) && !Signals.Any(s => s.Stance == IntentStance.Names);

    /// <summary>The distinct outcomes named, strongest support first.</summary>
    public ImmutableArray<ExpectedOutcome> Named =>
        Signals.Where(s => s.Stance == IntentStance.Names && s.Outcome is not null)
            .GroupBy(s => (s.Outcome!.Kind, s.Outcome.Canonical))
            .OrderByDescending(g => g.Sum(s => s.Weight))
            .Select(g => g.First().Outcome!)
            .ToImmutableArray();

    /// <summary>
    /// Signals naming one of <paramref name="realised"/>: a fix may realise two at once (substituting <c>F</c> in
    /// <c>return x.M;</c> substitutes <c>F</c> for <c>x.M</c> and returns it from the method).
    /// </summary>
    public ImmutableArray<IntentSignal> Supporting(params ExpectedOutcome?[] realised) =>
        Signals.Where(s => s.Stance == IntentStance.Names && realised.Any(o => o is not null && o.SameAs(s.Outcome))).ToImmutableArray();

    /// <summary>
    /// Signals forbidding one of <paramref name="realised"/>, those naming an outcome none of them is, and those saying the value
    /// must be present (handling its absence would hide the bug where it is produced; only fixing the caller agrees with them).
    /// </summary>
    public ImmutableArray<IntentSignal> Opposing(params ExpectedOutcome?[] realised) =>
        Signals.Where(s => s.Stance == IntentStance.Forbids && realised.Any(o => o is not null && o.SameAs(s.Outcome))
                || s.Stance == IntentStance.Names && s.Outcome is not null && !realised.Any(o => o is not null && (o.SameAs(s.Outcome) || Compatible(o, s.Outcome)))
                || s.Stance == IntentStance.Intended
                || s.Stance == IntentStance.Required && realised.Any(o => o is not null && o.Kind != OutcomeKind.CallerFix))
            .ToImmutableArray();

    /// <summary>
    /// The net weight of the evidence for a fix realising <paramref name="realised"/>: supporting signals, minus those that
    /// forbid it, minus <see cref="DisagreementShare"/> of those naming something else (each kind counted once, see <see cref="Weigh"/>).
    /// </summary>
    public double Support(params ExpectedOutcome?[] realised) =>
        Weigh(Supporting(realised)).Sum(g => g.Weight)
        - Weigh(Opposing(realised)).Sum(g => g.Signals[0].Stance == IntentStance.Names ? g.Weight * DisagreementShare : g.Weight);

    /// <summary>
    /// Signals grouped by kind, stance and outcome, each group weighing its strongest signal plus <see cref="RepeatBonus"/> per
    /// further one (at most <see cref="RepeatCap"/>): three sibling guards saying the same are a convention, not three proofs.
    /// </summary>
    public static IEnumerable<(ImmutableArray<IntentSignal> Signals, double Weight)> Weigh(IEnumerable<IntentSignal> signals) =>
        signals.GroupBy(s => (s.Kind, s.Stance, s.Outcome?.Kind, s.Outcome?.Canonical))
            .Select(g =>
            {
                var ordered = g.OrderByDescending(s => s.Weight).ToImmutableArray();
                return (ordered, ordered[0].Weight + Math.Min(RepeatCap, RepeatBonus * (ordered.Length - 1)));
            });

    /// <summary>What each further signal of the same kind and outcome adds.</summary>
    public const double RepeatBonus = 0.05;

    /// <summary>The most further signals of the same kind and outcome add together.</summary>
    public const double RepeatCap = 0.1;

    public Intent With(IEnumerable<IntentSignal> more) =>
        this with { Signals = Signals.Concat(more).DistinctBy(s => (s.Kind, s.Path, s.Line, s.Stance, s.Outcome?.Kind, s.Outcome?.Canonical)).ToImmutableArray() };

    /// <summary>
    /// Outcomes that do not contradict each other: a propagated null and a substituted or returned null; skipping an item
    /// and a loop that goes on by itself.
    /// </summary>
    private static bool Compatible(ExpectedOutcome a, ExpectedOutcome b) =>
        a.Kind == OutcomeKind.Propagate && b.IsNull || b.Kind == OutcomeKind.Propagate && a.IsNull;
}
