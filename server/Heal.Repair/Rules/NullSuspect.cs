using System.Collections.Immutable;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Rules;

/// <summary>A receiver on the throwing line that may be the null one, with the evidence for it.</summary>
/// <param name="Dereference">Where it is dereferenced.</param>
/// <param name="Signals">Why it can be null, strongest first (from its own code and, for parameters, from the callers).</param>
/// <param name="Key">What it stands for across methods (<see cref="AbsenceConventions.KeyOf"/>).</param>
/// <param name="Cleared">True when a caller provably passes a non-null value.</param>
/// <param name="Origin">For a parameter: the caller frame and the argument it passes (after following parameters outward).</param>
internal sealed record NullSuspect(
    Dereference Dereference,
    ImmutableArray<NullSignal> Signals,
    string? Key,
    bool Cleared,
    (LinkedSource Caller, ExpressionSyntax Argument)? Origin)
{
    public double Weight => Signals.Sum(s => s.Weight);

    public ExpressionSyntax Receiver => Dereference.Receiver;
}
