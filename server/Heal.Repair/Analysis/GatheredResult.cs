using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>
/// A method that gathers its result in a local (<c>var problems = new List&lt;string&gt;(); … problems.Add(…); … return problems;</c>):
/// once something has been gathered, an early <c>return X</c> for one bad input drops what the method already found about
/// the others (a validation that loses the e-mail problem because the phone was missing).
/// </summary>
public static class GatheredResult
{
    private static readonly HashSet<string> s_gathering = new(StringComparer.Ordinal)
    {
        "Add", "AddRange", "Insert", "InsertRange", "Append", "AppendLine", "AppendFormat", "Push", "Enqueue", "TryAdd", "Remove", "RemoveAll", "Clear",
    };

    /// <summary>
    /// The local that <paramref name="member"/> returns at its end and has already gathered into before <paramref name="anchor"/>;
    /// null when there is none (or the method returns something else).
    /// </summary>
    public static string? Before(SyntaxNode member, StatementSyntax anchor)
    {
        var returned = member.DescendantNodes().OfType<ReturnStatementSyntax>()
            .Where(r => r.SpanStart > anchor.SpanStart && Returned(r.Expression) is not null)
            .Select(r => Returned(r.Expression)!)
            .ToHashSet(StringComparer.Ordinal);
        if (returned.Count == 0)
        {
            return null;
        }

        var locals = member.DescendantNodes().OfType<VariableDeclaratorSyntax>().Select(v => v.Identifier.ValueText).Where(returned.Contains).ToHashSet(StringComparer.Ordinal);
        return member.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => i.Span.End <= anchor.SpanStart && i.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target, Name: var name }
                && locals.Contains(target.Identifier.ValueText) && s_gathering.Contains(name.Identifier.ValueText))
            .Select(i => ((IdentifierNameSyntax)((MemberAccessExpressionSyntax)i.Expression).Expression).Identifier.ValueText)
            .FirstOrDefault();
    }

    /// <summary>The local a return gives back: <c>x</c>, or <c>x.ToList()</c>, <c>x.ToArray()</c>, <c>x.AsReadOnly()</c>, <c>x.ToString()</c>.</summary>
    private static string? Returned(ExpressionSyntax? value) => value switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax name, Name.Identifier.ValueText: "ToList" or "ToArray" or "AsReadOnly" or "ToString" or "ToImmutableArray" }, ArgumentList.Arguments.Count: 0 } => name.Identifier.ValueText,
        _ => null,
    };
}
