using System.Text.RegularExpressions;
using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Rules;

/// <summary>
/// <c>value.Substring(0, length - suffix.Length)</c> (or <c>value.Remove(length - suffix.Length)</c>) with a negative length because the suffix is longer than the room
/// left (Humanizer's truncator fix). When the documentation of <c>suffix</c> (on the method, or on the interface member or
/// base method it implements) says it is added only "when it fits" within the limit, and the method already has a path
/// for no suffix at all (<c>if (string.IsNullOrEmpty(suffix)) return value[..length];</c>), a suffix that does not fit takes
/// that path. Without such a sentence or path the rule does not answer, so the index rules decline.
/// </summary>
public static partial class AppendedWhenItFits
{
    public static RuleResult? Apply(LinkedSource source, List<Evidence> evidence, CancellationToken cancellationToken)
    {
        var model = source.SemanticModel;
        if (source.Member is null || model.GetDeclaredSymbol(source.Member, cancellationToken) is not IMethodSymbol method)
        {
            return null;
        }

        foreach (var call in RuleKit.OnLine<InvocationExpressionSyntax>(source))
        {
            // The count of characters kept: Substring's length, or the one index of Remove (everything from it goes).
            var lengthArgument = call switch
            {
                { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Substring" }, ArgumentList.Arguments: [_, var kept] } => kept,
                { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Remove" }, ArgumentList.Arguments: [var from] } => from,
                _ => null,
            };
            if (lengthArgument is null
                || model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol { ContainingType.SpecialType: SpecialType.System_String }
                || ExitPaths.Unparenthesize(lengthArgument.Expression) is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.SubtractExpression } difference
                || ExitPaths.Unparenthesize(difference.Right) is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Length", Expression: IdentifierNameSyntax suffixName }
                || model.GetSymbolInfo(suffixName, cancellationToken).Symbol is not IParameterSymbol suffix
                || ExitPaths.Unparenthesize(difference.Left) is not IdentifierNameSyntax limitName
                || model.GetSymbolInfo(limitName, cancellationToken).Symbol is not IParameterSymbol limit)
            {
                continue;
            }

            if (Fits(method, suffix, limit, new IntentLocator(source), cancellationToken) is not { } sentence)
            {
                return null;
            }

            var statement = call.FirstAncestorOrSelf<StatementSyntax>();
            var without = ExitPaths.OwnNodes(source.Member).OfType<IfStatementSyntax>()
                .Where(i => statement is not null && i.Span.End <= statement.SpanStart && TestsAbsence(i.Condition, suffix, model) && ExitPaths.SingleJump(i.Statement) is ReturnStatementSyntax)
                .ToList();
            if (without.Count != 1)
            {
                return null;
            }

            var condition = without[0].Condition;
            var wrapped = condition is ConditionalExpressionSyntax or AssignmentExpressionSyntax || condition.IsKind(SyntaxKind.CoalesceExpression) ? $"({condition})" : condition.ToString();
            var changed = $"{wrapped} || {suffixName}.Length > {limitName}";
            evidence.Add(new Evidence(sentence.Path, sentence.Line, sentence.Text, "the documentation says the suffix is added only when it fits"));
            evidence.Add(RuleKit.Evidence(source, without[0], "the method's own path for no suffix"));
            return RuleKit.Fix($"`{call}` asks for a negative length when `{suffixName}` is longer than `{limitName}`.",
                $"`{suffixName}` is documented to be added only when it fits within `{limitName}`; one that does not fit was subtracted anyway. The method's own path for no `{suffixName}` is what applies then.",
                "suffix-when-it-fits",
                [(0.35, $"the length is `{limitName}` minus the length of `{suffixName}`"), (0.3, $"the documentation of `{suffixName}` says it is added only when it fits: {sentence.Text}"),
                 (0.15, $"the method already has a path for no `{suffixName}`")],
                evidence, RuleKit.Edit(source, new TextChange(condition.Span, changed)));
        }

        return null;
    }

    /// <summary><c>string.IsNullOrEmpty(s)</c>, <c>s is null</c>, <c>s == null</c>, <c>s.Length == 0</c>, alone or as one operand of <c>||</c>.</summary>
    private static bool TestsAbsence(ExpressionSyntax condition, IParameterSymbol parameter, SemanticModel model)
    {
        bool Names(ExpressionSyntax e) => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(ExitPaths.Unparenthesize(e)).Symbol, parameter);
        return ExitPaths.Unparenthesize(condition) switch
        {
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression } or => TestsAbsence(or.Left, parameter, model) || TestsAbsence(or.Right, parameter, model),
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "IsNullOrEmpty" or "IsNullOrWhiteSpace" }, ArgumentList.Arguments: [var argument] } => Names(argument.Expression),
            IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax { Expression: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } } } pattern => Names(pattern.Expression),
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression, Right: LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NullLiteralExpression } } equals => Names(equals.Left),
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression, Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Length" } length, Right: LiteralExpressionSyntax { Token.ValueText: "0" } } => Names(length.Expression),
            _ => false,
        };
    }

    /// <summary>
    /// The <c>param</c> documentation of the suffix saying it is added only when it fits within the limit (naming the limit
    /// by <c>paramref</c>), on the method or on the member it implements or overrides.
    /// </summary>
    private static (string Path, int Line, string Text)? Fits(IMethodSymbol method, IParameterSymbol suffix, IParameterSymbol limit, IntentLocator locator, CancellationToken cancellationToken)
    {
        var documented = new List<IMethodSymbol> { method };
        if (method.OverriddenMethod is { } overridden)
        {
            documented.Add(overridden);
        }

        documented.AddRange(method.ContainingType.AllInterfaces.SelectMany(i => i.GetMembers(method.Name).OfType<IMethodSymbol>())
            .Where(m => SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(m), method)));
        foreach (var candidate in documented)
        {
            var declaration = candidate.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
            var comment = declaration?.GetLeadingTrivia().Select(t => t.GetStructure()).OfType<DocumentationCommentTriviaSyntax>().LastOrDefault();
            var parameters = candidate.Parameters;
            if (comment is null || parameters.Length <= Math.Max(suffix.Ordinal, limit.Ordinal))
            {
                continue;
            }

            // The implementing member may name its parameters differently: match them by position.
            var suffixName = parameters[suffix.Ordinal].Name;
            var limitName = parameters[limit.Ordinal].Name;
            foreach (var element in comment.Content.OfType<XmlElementSyntax>().Where(e => e.StartTag.Name.LocalName.ValueText == "param"))
            {
                var name = element.StartTag.Attributes.OfType<XmlNameAttributeSyntax>().FirstOrDefault()?.Identifier.Identifier.ValueText;
                var mentionsLimit = element.DescendantNodes().OfType<XmlNameAttributeSyntax>().Any(a => a.Identifier.Identifier.ValueText == limitName);
                var text = Regex.Replace(Regex.Replace(element.Content.ToString().Replace("///", " ", StringComparison.Ordinal), "<[^>]+>", " "), @"\s+", " ").Trim();
                if (name == suffixName && mentionsLimit && FitWords().IsMatch(text))
                {
                    var (path, line) = locator.Locate(element);
                    return (path, line, text);
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b((when|if|only when|only if|as long as|provided) (it|they) fits?|fits? (within|in|into)|when there is (room|space))\b", RegexOptions.IgnoreCase)]
    private static partial Regex FitWords();
}
