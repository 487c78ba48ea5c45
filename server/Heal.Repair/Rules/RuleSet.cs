using System.Collections.Immutable;

namespace Heal.Repair.Rules;

/// <summary>The one table of offline rules, tried in order; the first that matches and answers wins.</summary>
public static class RuleSet
{
    public static ImmutableArray<ICrashRule> Default { get; } =
    [
        // One line per rule. The most specific first: rules keyed on an exception message, then on a type (a guard clause
        // of the application before the library-call rules of the same exception types), AsyncVoidRule near the end because
        // it matches any crash that escaped an async void method, and AppThrownRule last for exceptions the app throws itself.
        new EmptySequenceRule(),
        new NullableValueRule(),
        new CollectionModifiedRule(),
        new MissingAwaitRule(),
        new DuplicateKeyRule(),
        new ArgumentGuardRule(),
        new LibraryArgumentRule(),
        new KeyNotFoundRule(),
        new CultureParseRule(),
        new FormatRule(),
        new DivideByZeroRule(),
        new IndexRangeRule(),
        new InvalidCastRule(),
        new OverflowRule(),
        new ObjectDisposedRule(),
        new NullReferenceRule(),
        new ArgumentNullRule(),
        new AsyncVoidRule(),
        new AppThrownRule(),
    ];
}
