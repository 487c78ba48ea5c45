using Heal.Core.Model;
using Heal.Repair.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Analysis;

/// <summary>Turns a throwing parse into <c>if (!TryParse(…)) { existing invalid-input exit }</c>, shared by the format and overflow rules.</summary>
public static class TryParseFix
{
    /// <param name="vetoExit">Says why an inferred exit must not be used for this value (e.g. it would silently skip a
    /// well-formed value), or null to accept it.</param>
    public static RuleResult Apply(LinkedSource source, ParseCall call, string rootCause, string why, string fixKind,
        List<(double, string)> reasons, List<Evidence> evidence, CancellationToken cancellationToken, Func<Fallback, string?>? vetoExit = null)
    {
        var model = source.SemanticModel;
        var statement = RuleKit.GuardableStatement(call.Node);
        if (source.Member is null || statement is null || !RuleKit.AlwaysEvaluated(call.Node, statement))
        {
            return RuleResult.Decline(rootCause, "the parse is not a plain statement of a method body, so no guard can be placed before it", [.. evidence]);
        }

        var tryCall = call.BindableTryCall(model, statement.SpanStart);
        if (tryCall is null)
        {
            return RuleResult.Decline(rootCause, "no TryParse overload accepts the same arguments", [.. evidence]);
        }

        var valueName = statement switch
        {
            LocalDeclarationStatementSyntax { Declaration.Variables.Count: 1 } local => local.Declaration.Variables[0].Identifier.ValueText,
            ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: IdentifierNameSyntax assigned } } => assigned.Identifier.ValueText,
            _ => call.InputName,
        };
        var valueSymbol = statement switch
        {
            LocalDeclarationStatementSyntax { Declaration.Variables.Count: 1 } local => model.GetDeclaredSymbol(local.Declaration.Variables[0], cancellationToken),
            ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: IdentifierNameSyntax assigned } } => model.GetSymbolInfo(assigned, cancellationToken).Symbol,
            _ => null,
        };
        var subject = call.InputName == "value" ? valueName : call.InputName;
        var format = call.ExactFormat is { } exact ? $" in the format {exact}" : "";
        var message = SymbolDisplay.FormatLiteral($"{RuleKit.Capitalize(subject)} must be {call.Expected}{format}.", quote: true);
        var domainWhyNot = "";
        var exit = InvalidInputPath.Infer(source.Member, statement, call.Input, model, message, out var whyNot, valueName)
            ?? DomainRejection.Infer(source.Member, valueSymbol, call.Input, valueName, model, message, out domainWhyNot);
        if (exit is null)
        {
            return RuleResult.Decline(rootCause, domainWhyNot is { Length: > 0 } ? domainWhyNot : whyNot, [.. evidence]);
        }

        if (vetoExit?.Invoke(exit) is { } veto)
        {
            return RuleResult.Decline(rootCause, veto, [.. evidence]);
        }

        if (exit.Source is not null)
        {
            evidence.Add(RuleKit.Evidence(source, exit.Source, "existing invalid-input path"));
        }

        reasons.Add((exit.Confidence - 0.1, exit.Reason));
        var style = FileStyle.Of(source.Root);
        var indent = RuleKit.Indent(source, statement);
        var keyword = ParseCall.Keyword(call.ResultType);

        // `var n = int.Parse(s);` becomes the guard itself.
        if (statement is LocalDeclarationStatementSyntax { Declaration.Variables.Count: 1 } declaration
            && declaration.Declaration.Variables[0].Initializer?.Value is { } initial && ExitPaths.Unparenthesize(initial) == call.Node
            && (declaration.Declaration.Type.IsVar || SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(declaration.Declaration.Type, cancellationToken).Type, call.ResultType)))
        {
            var outType = declaration.Declaration.Type.IsVar ? "var" : declaration.Declaration.Type.ToString();
            var guard = style.Guard(indent, "!" + ParseCall.WithOut(tryCall, $"{outType} {declaration.Declaration.Variables[0].Identifier.ValueText}"), Body(exit));
            return RuleKit.Fix(rootCause, why, fixKind, reasons, evidence, RuleKit.Edit(source, ReplaceLines(source, statement, guard)));
        }

        // `n = int.Parse(s);` into a local or out parameter of the same type.
        if (statement is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: IdentifierNameSyntax target } assignment }
            && ExitPaths.Unparenthesize(assignment.Right) == call.Node
            && model.GetSymbolInfo(target, cancellationToken).Symbol is ILocalSymbol or IParameterSymbol
            && SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(target, cancellationToken).Type, call.ResultType))
        {
            var guard = style.Guard(indent, "!" + ParseCall.WithOut(tryCall, target.Identifier.ValueText), Body(exit));
            return RuleKit.Fix(rootCause, why, fixKind, reasons, evidence, RuleKit.Edit(source, ReplaceLines(source, statement, guard)));
        }

        if (!RuleKit.IsSimple(call.Input))
        {
            return RuleResult.Decline(rootCause, "the parsed expression has side effects, so the parse cannot be hoisted into a guard", [.. evidence]);
        }

        var preferred = call.InputName;
        if (call.Input is IdentifierNameSyntax same && same.Identifier.ValueText == preferred)
        {
            preferred += "Value";
        }

        var name = RuleKit.FreeName(model, statement.SpanStart, preferred, source.Member);
        var declared = style.PrefersVar || keyword is null ? "var" : keyword;
        var hoisted = style.Guard(indent, "!" + ParseCall.WithOut(tryCall, $"{declared} {name}"), Body(exit));
        reasons.Add((-0.05, "the parse is hoisted into a guard before its statement"));
        return RuleKit.Fix(rootCause, why, fixKind, reasons, evidence,
            RuleKit.Edit(source, RuleKit.InsertBefore(source, statement, hoisted), new TextChange(call.Node.Span, name)));
    }

    private static IReadOnlyList<string> Body(Fallback exit) => [.. exit.Effects ?? [], exit.Jump];

    /// <summary>Replaces the whole lines of <paramref name="statement"/> with <paramref name="replacement"/>.</summary>
    public static TextChange ReplaceLines(LinkedSource source, SyntaxNode statement, string replacement)
    {
        var first = source.Text.Lines.GetLineFromPosition(statement.SpanStart);
        var last = source.Text.Lines.GetLineFromPosition(statement.Span.End);
        return new TextChange(TextSpan.FromBounds(first.Start, last.EndIncludingLineBreak), replacement);
    }
}
