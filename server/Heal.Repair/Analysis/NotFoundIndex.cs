using Heal.Repair.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Analysis;

/// <summary>
/// <c>s.Substring(s.IndexOf(c))</c> when <c>c</c> is absent: <c>IndexOf</c> answers -1 and <c>Substring</c> throws. When sibling
/// code tests the same search for "not found" (<c>dot &lt; 0 ? … : …</c>), absence is a normal input, and the text's
/// split at a missing separator is evident: nothing from it onwards (<c>Substring(i)</c> → empty), everything before
/// it (<c>Substring(0, i)</c> → the whole text).
/// </summary>
public static class NotFoundIndex
{
    public static RuleResult? Fix(LinkedSource source, InvocationExpressionSyntax call, IList<Heal.Core.Model.Evidence> evidence, CancellationToken cancellationToken)
    {
        var model = source.SemanticModel;
        var text = ((MemberAccessExpressionSyntax)call.Expression).Expression;
        var arguments = call.ArgumentList.Arguments;
        ExpressionSyntax index;
        string fallback;
        if (arguments.Count == 1)
        {
            index = arguments[0].Expression;
            fallback = "string.Empty";
        }
        else if (arguments.Count == 2 && model.GetConstantValue(arguments[0].Expression, cancellationToken) is { HasValue: true, Value: 0 })
        {
            index = arguments[1].Expression;
            fallback = text.ToString();
        }
        else
        {
            return null;
        }

        if (!RuleKit.IsSimple(text) || source.Member is null || Search(index, model) is not { } search
            || !SyntaxFactory.AreEquivalent(((MemberAccessExpressionSyntax)search.Expression).Expression, text, topLevel: false))
        {
            return null;
        }

        // The codebase must already treat "not found" as a normal answer of the same search.
        var sibling = Siblings(source, search, model).FirstOrDefault();
        if (sibling.Test is null)
        {
            return null;
        }

        var statement = RuleKit.GuardableStatement(call);
        if (statement is null || !RuleKit.AlwaysEvaluated(call, statement))
        {
            return null;
        }

        var changes = new List<TextChange>();
        string name;
        if (AbsenceConventions.Unwrap(index) is IdentifierNameSyntax local && model.GetSymbolInfo(local, cancellationToken).Symbol is ILocalSymbol)
        {
            name = local.Identifier.ValueText;
        }
        else
        {
            name = RuleKit.FreeName(model, statement.SpanStart, sibling.Name ?? "index", source.Member);
            var type = sibling.DeclaredType ?? (FileStyle.Of(source.Root).PrefersVar ? "var" : "int");
            var newLine = FileStyle.Of(source.Root).NewLine;
            changes.Add(RuleKit.InsertBefore(source, statement, $"{RuleKit.Indent(source, statement)}{type} {name} = {search};{newLine}"));
        }

        // Widen over string-to-string calls hanging off the substring (`.ToLowerInvariant()`), so the fallback stays raw text.
        ExpressionSyntax chain = call;
        while (chain.Parent is MemberAccessExpressionSyntax member && member.Expression == chain && member.Parent is InvocationExpressionSyntax outer
               && outer.Expression == member && model.GetTypeInfo(outer, cancellationToken).Type?.SpecialType == SpecialType.System_String)
        {
            chain = outer;
        }

        var rewritten = chain.ToString().Remove(index.SpanStart - chain.SpanStart, index.Span.Length).Insert(index.SpanStart - chain.SpanStart, name);
        var conditional = $"{name} < 0 ? {fallback} : {rewritten}";
        var bare = chain.Parent is ReturnStatementSyntax or ArrowExpressionClauseSyntax or EqualsValueClauseSyntax or ArgumentSyntax;
        changes.Add(new TextChange(chain.Span, bare ? conditional : $"({conditional})"));
        evidence.Add(RuleKit.Evidence(source, sibling.Test, "sibling treats not found as normal"));
        var what = arguments.Count == 1 ? "nothing from the separator on, an empty text" : "the whole text, since nothing precedes a missing separator";
        return RuleKit.Fix($"`{search}` returns -1 when the separator is absent, and `{call}` rejects a negative index.",
            $"Sibling code already treats a missing separator as normal input (`{sibling.Test}`); when it is missing the substring is {what}.",
            "not-found-index",
            [(0.45, "Substring at an index from IndexOf/LastIndexOf, which is -1 when nothing is found"), (0.2, "sibling code tests the same search for not found")],
            evidence, RuleKit.Edit(source, [.. changes]));
    }

    /// <summary>The <c>IndexOf</c>/<c>LastIndexOf</c> call behind <paramref name="index"/>: inline, or a local's only assignment.</summary>
    private static InvocationExpressionSyntax? Search(ExpressionSyntax index, SemanticModel model)
    {
        index = AbsenceConventions.Unwrap(index);
        if (index is IdentifierNameSyntax name && model.GetSymbolInfo(name).Symbol is ILocalSymbol local
            && local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } value })
        {
            index = AbsenceConventions.Unwrap(value);
        }

        return index is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "IndexOf" or "LastIndexOf" } access } invocation
            && model.GetTypeInfo(access.Expression).Type?.SpecialType == SpecialType.System_String
                ? invocation
                : null;
    }

    /// <summary>Tests like <c>dot &lt; 0</c> or <c>i == -1</c> on a local holding the same search elsewhere in the type.</summary>
    private static IEnumerable<(SyntaxNode? Test, string? Name, string? DeclaredType)> Siblings(LinkedSource source, InvocationExpressionSyntax search, SemanticModel model)
    {
        var scope = NullReferenceRule.TypeScope(source);
        var method = ((MemberAccessExpressionSyntax)search.Expression).Name.Identifier.ValueText;
        foreach (var declarator in scope.DescendantNodes().OfType<VariableDeclaratorSyntax>())
        {
            if (declarator.Initializer?.Value is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var called } } other
                || called != method || other == search || model.GetDeclaredSymbol(declarator) is not ILocalSymbol local
                || !SyntaxFactory.AreEquivalent(other.ArgumentList, search.ArgumentList, topLevel: false))
            {
                continue;
            }

            var member = declarator.Ancestors().FirstOrDefault(SourceLocator.IsMember);
            var test = member?.DescendantNodes().OfType<BinaryExpressionSyntax>().FirstOrDefault(b => IsNotFoundTest(b, local, model));
            if (test is not null)
            {
                var declaredType = (declarator.Parent as VariableDeclarationSyntax)?.Type.ToString();
                yield return (test, local.Name, declaredType);
            }
        }
    }

    private static bool IsNotFoundTest(BinaryExpressionSyntax test, ILocalSymbol local, SemanticModel model)
    {
        var (name, constant) = (AbsenceConventions.Unwrap(test.Left), AbsenceConventions.Unwrap(test.Right));
        if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol, local) || model.GetConstantValue(constant) is not { HasValue: true, Value: int value })
        {
            return false;
        }

        return test.Kind() switch
        {
            SyntaxKind.LessThanExpression => value == 0,
            SyntaxKind.GreaterThanOrEqualExpression => value == 0,
            SyntaxKind.EqualsExpression or SyntaxKind.NotEqualsExpression => value == -1,
            _ => false,
        };
    }
}
