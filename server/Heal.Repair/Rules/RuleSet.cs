using System.Collections.Immutable;

namespace Heal.Repair.Rules;

/// <summary>The one table of offline rules, tried in order; the first that matches and answers wins.</summary>
public static class RuleSet
{
    public static ImmutableArray<ICrashRule> Default { get; } =
    [
        // One line per rule. Keep the most specific rules first.
        new MissingAwaitRule(),
        new KeyNotFoundRule(),
        new FormatRule(),
        new EmptySequenceRule(),
        new DivideByZeroRule(),
        new IndexRangeRule(),
        new CollectionModifiedRule(),
        new InvalidCastRule(),
        new OverflowRule(),
        new NullReferenceRule(),
        new ArgumentNullRule(),
        new AsyncVoidRule(),
    ];
}
