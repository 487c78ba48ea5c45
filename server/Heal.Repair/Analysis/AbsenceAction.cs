namespace Heal.Repair.Analysis;

/// <summary>What a guard does when the value is absent.</summary>
/// <param name="Kind">Return, continue, throw, fallback….</param>
/// <param name="Text">The returned expression, the thrown statement or the fallback expression, verbatim; null for <c>return;</c>, <c>continue;</c>.</param>
/// <param name="Logs">True when the guard also logs before leaving (the log line itself is never copied).</param>
/// <param name="Records">True when the guard does other work before leaving (<c>skipped.Add(item.Id); continue;</c>): the jump
/// alone is not what the code does for a missing value, so it is not a template for another value's guard.</param>
public sealed record AbsenceAction(AbsenceActionKind Kind, string? Text, bool Logs = false, bool Records = false)
{
    /// <summary>The statement this action becomes, e.g. <c>return null;</c>; null for fallbacks, which are expressions.</summary>
    public string? Statement => Kind switch
    {
        AbsenceActionKind.Return => Text is null ? "return;" : $"return {Text};",
        AbsenceActionKind.Continue => "continue;",
        AbsenceActionKind.Break => "break;",
        AbsenceActionKind.Throw => Text,
        _ => null,
    };

    /// <summary>The behaviour this action gives the absent case.</summary>
    public ExpectedOutcome? Outcome => Kind switch
    {
        AbsenceActionKind.Return => ExpectedOutcome.Returns(Text),
        AbsenceActionKind.Continue => ExpectedOutcome.Skip,
        AbsenceActionKind.Break => ExpectedOutcome.Stop,
        AbsenceActionKind.Throw => Text is not null
            && Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseStatement(Text) is Microsoft.CodeAnalysis.CSharp.Syntax.ThrowStatementSyntax { Expression: Microsoft.CodeAnalysis.CSharp.Syntax.ObjectCreationExpressionSyntax creation }
                ? ExpectedOutcome.Throws(creation.Type.ToString())
                : null,
        AbsenceActionKind.Fallback => Text is null ? null : ExpectedOutcome.Substitutes(Text),
        AbsenceActionKind.Propagate => ExpectedOutcome.Propagate,
        _ => null,
    };
}
