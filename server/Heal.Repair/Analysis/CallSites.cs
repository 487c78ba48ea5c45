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

        var call = calls[0];
        var arguments = call switch
        {
            InvocationExpressionSyntax i => i.ArgumentList.Arguments,
            BaseObjectCreationExpressionSyntax o => o.ArgumentList?.Arguments ?? default,
            ConstructorInitializerSyntax c => c.ArgumentList.Arguments,
            _ => default,
        };
        var bound = caller.SemanticModel.GetSymbolInfo(call).Symbol as IMethodSymbol;
        var ordinal = parameter.Ordinal;
        if (bound is { MethodKind: MethodKind.ReducedExtension } && call is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access })
        {
            if (ordinal == 0)
            {
                return access.Expression;
            }

            ordinal--;
        }

        var named = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.Text == parameter.Name);
        if (named is not null)
        {
            return named.Expression;
        }

        return ordinal < arguments.Count && arguments.Take(ordinal + 1).All(a => a.NameColon is null) ? arguments[ordinal].Expression : null;
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
