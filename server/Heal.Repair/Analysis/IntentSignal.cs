using Heal.Core.Model;
using Microsoft.CodeAnalysis;

namespace Heal.Repair.Analysis;

/// <summary>
/// One thing the repository says about the failing case, with where it says it and how much it weighs.
/// <see cref="IntentAnalysis"/> collects them; rules score their candidate fixes by them.
/// </summary>
/// <param name="Kind">Where it was read.</param>
/// <param name="Stance">Whether it names an outcome, forbids one, or says the value may (or may not) be absent.</param>
/// <param name="Outcome">The outcome named or forbidden; null for <see cref="IntentStance.Optional"/> and <see cref="IntentStance.Required"/>.</param>
/// <param name="Weight">How much it weighs for a candidate that realises <see cref="Outcome"/> (in confidence points).</param>
/// <param name="Path">Repository-relative path of the file it was read in.</param>
/// <param name="Line">One-based line.</param>
/// <param name="Text">What it says (the documentation sentence, the code line), trimmed and short.</param>
/// <param name="Node">The syntax it was read from, when in the workspace (for evidence and for copying a statement).</param>
/// <param name="Statement">For an exit read from code: the statement as written (<c>throw new OrderNotFoundException(id);</c>), which a fix may copy.</param>
public sealed record IntentSignal(
    IntentKind Kind,
    IntentStance Stance,
    ExpectedOutcome? Outcome,
    double Weight,
    string Path,
    int Line,
    string Text,
    SyntaxNode? Node = null,
    string? Statement = null)
{
    /// <summary>The stable kind name used in JSON and in the editor: <c>doc</c>, <c>own-exit</c>, <c>test</c>….</summary>
    public string KindName => Kind switch
    {
        IntentKind.Documentation => "doc",
        IntentKind.Producer => "producer",
        IntentKind.NullableAnnotation => "nullable",
        IntentKind.Attribute => "attribute",
        IntentKind.Required => "required",
        IntentKind.NamedConstant => "constant",
        IntentKind.OwnExit => "own-exit",
        IntentKind.Sibling => "sibling",
        IntentKind.Caller => "caller",
        IntentKind.VisibleTest => "test",
        IntentKind.Event => "event",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Where it was read, in plain words: <c>the documentation</c>, <c>a visible test</c>, <c>the method's own exit</c>….</summary>
    public string Source => Kind switch
    {
        IntentKind.Documentation => "the documentation",
        IntentKind.Producer => "the documentation of the method that produced the value",
        IntentKind.NullableAnnotation => "a nullable annotation",
        IntentKind.Attribute => "a nullability attribute",
        IntentKind.Required => "a required member",
        IntentKind.NamedConstant => "a constant named as the default",
        IntentKind.OwnExit => "the method's own exit",
        IntentKind.Sibling => "sibling code",
        IntentKind.Caller => "a caller",
        IntentKind.VisibleTest => "a visible test",
        IntentKind.Event => "the event",
        _ => KindName,
    };

    /// <summary>What it says, in plain words: the outcome, <c>not</c> plus a forbidden outcome, or the stance.</summary>
    public string Says => Stance switch
    {
        IntentStance.Names => Outcome?.Describe() ?? "names no outcome",
        IntentStance.Forbids => "not " + (Outcome?.Describe() ?? "this"),
        IntentStance.Optional => "the value may be absent",
        IntentStance.Required => "the value must be present",
        IntentStance.Intended => Outcome?.Describe() ?? "the failure is intended",
        _ => Stance.ToString(),
    };

    public IntentEvidence ToEvidence() => new(KindName, Path, Line, Text, Says);

    public override string ToString() => $"{KindName} {Path}:{Line} ({Says}): {Text}";
}
