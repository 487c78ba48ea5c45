using System.Text.RegularExpressions;
using Heal.Repair.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>Finds the guard clauses a method enforces (see <see cref="GuardClause"/>), and the one a crash was thrown by.</summary>
public static partial class GuardClauses
{
    /// <summary>The guards directly in <paramref name="member"/> (not in nested lambdas or local functions).</summary>
    public static IEnumerable<GuardClause> In(SyntaxNode member, SemanticModel model)
    {
        foreach (var node in ExitPaths.OwnNodes(member))
        {
            switch (node)
            {
                case IfStatementSyntax { Else: null } guard when ExitPaths.SingleJump(guard.Statement) is ThrowStatementSyntax { Expression: BaseObjectCreationExpressionSyntax creation } thrown:
                    yield return new GuardClause(guard, thrown, TypeName(creation, model), About(creation, guard.Condition, model), guard.Condition, null, [], Message(creation));
                    break;
                case BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression, Right: ThrowExpressionSyntax { Expression: BaseObjectCreationExpressionSyntax creation } thrown } coalesce:
                    var tested = model.GetSymbolInfo(ExitPaths.Unparenthesize(coalesce.Left)).Symbol as IParameterSymbol;
                    yield return new GuardClause(coalesce, thrown, TypeName(creation, model), tested, null, "ThrowIfNull", [coalesce.Left], Message(creation));
                    break;
                case ExpressionStatementSyntax { Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call } statement
                    when access.Name.Identifier.ValueText.StartsWith("ThrowIf", StringComparison.Ordinal) && call.ArgumentList.Arguments.Count >= 1
                         && model.GetSymbolInfo(call).Symbol is IMethodSymbol { IsStatic: true } helper && DocIntent.IsException(helper.ContainingType):
                    var arguments = call.ArgumentList.Arguments.Where(a => a.NameColon?.Name.Identifier.ValueText is not ("paramName" or "message")).Select(a => a.Expression).ToList();
                    yield return new GuardClause(statement, call, helper.ContainingType.Name,
                        model.GetSymbolInfo(ExitPaths.Unparenthesize(arguments[0])).Symbol as IParameterSymbol, null, helper.Name, [.. arguments], null);
                    break;
            }
        }
    }

    /// <summary>
    /// The guard that threw the crash: the one on the throwing line; when the line holds none (optimised builds report a
    /// nearby line), the method's only guard throwing the crash's exception for the parameter the message names.
    /// </summary>
    public static GuardClause? AtCrash(CrashSite site)
    {
        var source = site.Throwing;
        if (source.Member is null)
        {
            return null;
        }

        // ThrowIfNullOrEmpty lives on ArgumentException but throws ArgumentNullException for null.
        var guards = In(source.Member, source.SemanticModel)
            .Where(g => g.ExceptionName == site.ExceptionName || g.Helper is "ThrowIfNullOrEmpty" or "ThrowIfNullOrWhiteSpace" && site.ExceptionName == "ArgumentNullException")
            .ToList();
        var onLine = guards.Where(g => g.Throw.Span.IntersectsWith(source.LineSpan) || g.Statement is IfStatementSyntax i && i.Condition.Span.IntersectsWith(source.LineSpan)).ToList();
        if (onLine.Count == 1)
        {
            return onLine[0];
        }

        if (onLine.Count > 1)
        {
            return null;
        }

        var parameter = ParameterName(site.Exception.Value);
        var named = guards.Where(g => parameter is not null && g.Parameter?.Name == parameter).ToList();
        return named.Count == 1 ? named[0] : null;
    }

    /// <summary>The parameter in "… (Parameter 'quantity')" or the older "Parameter name: quantity".</summary>
    public static string? ParameterName(string? message)
    {
        var match = message is null ? Match.Empty : ParameterPattern().Match(message);
        return match.Success ? match.Groups["name"].Value : null;
    }

    /// <summary>The parameter a guard is about: the <c>nameof</c> or string it names, else the only parameter its condition tests.</summary>
    private static IParameterSymbol? About(BaseObjectCreationExpressionSyntax creation, ExpressionSyntax condition, SemanticModel model)
    {
        var tested = condition.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
            .Select(i => model.GetSymbolInfo(i).Symbol).OfType<IParameterSymbol>().Distinct(SymbolEqualityComparer.Default).Cast<IParameterSymbol>().ToList();
        foreach (var argument in creation.ArgumentList?.Arguments ?? default)
        {
            var name = argument.Expression switch
            {
                InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" }, ArgumentList.Arguments: [{ Expression: var inner }] } =>
                    (model.GetSymbolInfo(inner).Symbol ?? model.GetSymbolInfo(inner).CandidateSymbols.FirstOrDefault())?.Name,
                LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal => literal.Token.ValueText,
                _ => null,
            };
            if (tested.FirstOrDefault(p => p.Name == name) is { } named)
            {
                return named;
            }
        }

        return tested.Count == 1 ? tested[0] : null;
    }

    private static string TypeName(BaseObjectCreationExpressionSyntax creation, SemanticModel model) =>
        model.GetTypeInfo(creation).Type?.Name ?? (creation as ObjectCreationExpressionSyntax)?.Type.ToString() ?? "Exception";

    /// <summary>The message argument when it is a plain sentence literal.</summary>
    private static string? Message(BaseObjectCreationExpressionSyntax creation) =>
        (creation.ArgumentList?.Arguments ?? default)
            .Select(a => a.Expression).OfType<LiteralExpressionSyntax>()
            .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression) && l.Token.ValueText.Contains(' ', StringComparison.Ordinal))
            .Select(l => l.Token.ValueText)
            .FirstOrDefault();

    [GeneratedRegex(@"(?:\(Parameter '(?<name>[A-Za-z_][A-Za-z0-9_]*)'\)|Parameter name: (?<name>[A-Za-z_][A-Za-z0-9_]*))")]
    private static partial Regex ParameterPattern();
}
