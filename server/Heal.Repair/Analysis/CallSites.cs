using Heal.Repair.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>Finds, on a caller frame's line, the call into a method and the argument it passes for a parameter.</summary>
public static class CallSites
{
    /// <summary>
    /// The expression <paramref name="caller"/>'s line passes for <paramref name="parameter"/> of <paramref name="callee"/>
    /// (the receiver for a reduced extension call); null when the line holds no such call or several.
    /// </summary>
    public static ExpressionSyntax? ArgumentFor(LinkedSource caller, IMethodSymbol callee, IParameterSymbol parameter)
    {
        var calls = LineCode.Nodes(caller)
            .Where(n => n is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax or ConstructorInitializerSyntax)
            .Where(n => Binds(n, callee, caller.SemanticModel))
            .ToList();
        if (calls.Count != 1)
        {
            return null;
        }

        return ArgumentOf(calls[0], caller.SemanticModel, parameter.Name, parameter.Ordinal);
    }

    /// <summary>
    /// The expression <paramref name="call"/> passes for the parameter named <paramref name="parameterName"/> (the receiver
    /// for the <c>this</c> parameter of a reduced extension call); null when no argument binds to it.
    /// </summary>
    public static ExpressionSyntax? ArgumentOf(SyntaxNode call, SemanticModel model, string parameterName, int? knownOrdinal = null)
    {
        var arguments = call switch
        {
            InvocationExpressionSyntax i => i.ArgumentList.Arguments,
            BaseObjectCreationExpressionSyntax o => o.ArgumentList?.Arguments ?? default,
            ConstructorInitializerSyntax c => c.ArgumentList.Arguments,
            _ => default,
        };
        var bound = model.GetSymbolInfo(call).Symbol as IMethodSymbol;
        var parameters = bound is { MethodKind: MethodKind.ReducedExtension, ReducedFrom: { } unreduced } ? unreduced.Parameters : bound?.Parameters ?? [];
        var ordinal = parameters.FirstOrDefault(p => p.Name == parameterName)?.Ordinal ?? knownOrdinal;
        if (ordinal is null)
        {
            return null;
        }

        if (bound is { MethodKind: MethodKind.ReducedExtension } && call is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access })
        {
            if (ordinal == 0)
            {
                return access.Expression;
            }

            ordinal--;
        }

        var named = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.Text == parameterName);
        if (named is not null)
        {
            return named.Expression;
        }

        // A params array collects the trailing arguments: only its first element is unambiguous, and only when it is the only one.
        var target = bound is null ? null : (bound.ReducedFrom ?? bound).Parameters.ElementAtOrDefault(ordinal.Value + (bound.MethodKind == MethodKind.ReducedExtension ? 1 : 0));
        if (target is { IsParams: true } && arguments.Count != ordinal.Value + 1)
        {
            return null;
        }

        return ordinal.Value < arguments.Count && arguments.Take(ordinal.Value + 1).All(a => a.NameColon is null) ? arguments[ordinal.Value].Expression : null;
    }

    private static bool Binds(SyntaxNode call, IMethodSymbol callee, SemanticModel model)
    {
        var symbol = model.GetSymbolInfo(call).Symbol as IMethodSymbol;
        if (symbol is not null)
        {
            var definition = (symbol.ReducedFrom ?? symbol).OriginalDefinition;
            var target = (callee.ReducedFrom ?? callee).OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(definition, target))
            {
                return true;
            }

            // The callee may come from another compilation of the same source (a caller in another project).
            return definition.Name == target.Name && definition.Parameters.Length == target.Parameters.Length
                && definition.ContainingType?.Name == target.ContainingType?.Name;
        }

        return false;
    }
}
