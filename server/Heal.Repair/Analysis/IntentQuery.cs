using Heal.Repair.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>What <see cref="IntentAnalysis.Collect"/> is asked about: a failing condition at an expression of the crash site.</summary>
/// <param name="Condition">The failing condition.</param>
/// <param name="Site">The crash (its exception type decides when a documented exception is the failure itself).</param>
/// <param name="Source">The frame holding <paramref name="Subject"/> (the throwing frame, or the caller a rule moved to).</param>
/// <param name="Subject">The failing expression: the null receiver or argument, the dictionary read, the sequence call, the indexing, the divisor.</param>
public sealed record IntentQuery(FailureCondition Condition, CrashSite Site, LinkedSource Source, ExpressionSyntax Subject)
{
    /// <summary>The statement a guard would go before (its loop decides whether <c>continue</c> fits); null when none.</summary>
    public StatementSyntax? Anchor { get; init; }

    /// <summary>
    /// The member, parameter or local the condition is about (the null member, the dictionary, the sequence); by default
    /// what <see cref="Subject"/> binds to.
    /// </summary>
    public ISymbol? Symbol { get; init; }

    /// <summary>The type a substituted value must convert to (the null value's type, the dictionary's value type); null when none.</summary>
    public ITypeSymbol? ValueType { get; init; }

    /// <summary>
    /// Words naming what is missing, for constants named as its default (<c>resolution</c> for <c>_resolution[priority]</c>
    /// finds <c>DefaultResolution</c>); by default the symbol's name and, for a collection, its element noun.
    /// </summary>
    public IReadOnlyList<string>? Nouns { get; init; }

    /// <summary>The method around the subject.</summary>
    public SyntaxNode? Member => Source.Member;

    /// <summary>Another kind of condition phrases count too (an absent key is also "missing", an empty sequence "no X").</summary>
    public SemanticModel Model => Source.SemanticModel;
}
