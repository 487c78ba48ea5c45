using System.Collections.Immutable;

namespace Heal.Repair.Rules;

/// <summary>The one table of offline rules, tried in order; the first that matches and answers wins.</summary>
public static class RuleSet
{
    public static ImmutableArray<ICrashRule> Default { get; } =
    [
        // One line per rule. Keep the most specific rules first.
        new EmptySequenceRule(), // keyed on its own InvalidOperationException message, so ahead of the broader missing-await rule
        new CollectionModifiedRule(), // likewise
        new MissingAwaitRule(),
        new NullReferenceRule(),
        new ArgumentNullRule(),
        new AsyncVoidRule(),
        new KeyNotFoundRule(),
        new FormatRule(),
        new DivideByZeroRule(),
        new IndexRangeRule(),
        new InvalidCastRule(),
        new OverflowRule(),
        new ObjectDisposedRule(),
    ];
}
