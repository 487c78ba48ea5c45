using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>Tasks and the <c>await</c> conventions of a file.</summary>
public static class Awaitables
{
    /// <summary>True for <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c>, <c>ValueTask&lt;T&gt;</c>.</summary>
    public static bool IsTask(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Task" or "ValueTask" } named
        && named.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks";

    /// <summary>
    /// The call a statement starts and forgets: an expression statement that is a Task-returning invocation, not
    /// awaited, not assigned, not an explicit <c>Task.Run</c>/<c>StartNew</c> (often deliberate). Null otherwise.
    /// </summary>
    public static InvocationExpressionSyntax? ForgottenTask(StatementSyntax statement, SemanticModel model)
    {
        if (statement is not ExpressionStatementSyntax { Expression: InvocationExpressionSyntax invocation })
        {
            return null;
        }

        if (model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol method || !IsTask(method.ReturnType))
        {
            return null;
        }

        if (method.Name is "Run" or "StartNew" or "ContinueWith" && method.ContainingType?.Name is "Task" or "TaskFactory" or "Task`1")
        {
            return null;
        }

        return invocation;
    }

    /// <summary>True when every <c>await</c> in the file ends with <c>.ConfigureAwait(false)</c> (library style).</summary>
    public static bool UsesConfigureAwaitFalse(SyntaxNode root)
    {
        var awaits = root.DescendantNodes().OfType<AwaitExpressionSyntax>().ToList();
        return awaits.Count > 0 && awaits.All(a => a.Expression is InvocationExpressionSyntax
        {
            Expression: MemberAccessExpressionSyntax { Name.Identifier.Text: "ConfigureAwait" },
            ArgumentList.Arguments: [{ Expression: LiteralExpressionSyntax literal }],
        } && literal.IsKind(SyntaxKind.FalseLiteralExpression));
    }

    /// <summary>Whether <paramref name="member"/> is declared <c>async</c>.</summary>
    public static bool IsAsync(SyntaxNode? member) => member switch
    {
        MethodDeclarationSyntax m => m.Modifiers.Any(SyntaxKind.AsyncKeyword),
        LocalFunctionStatementSyntax f => f.Modifiers.Any(SyntaxKind.AsyncKeyword),
        AnonymousFunctionExpressionSyntax a => a.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword),
        _ => false,
    };
}
