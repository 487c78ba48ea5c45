using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Heal.Repair.Analysis;

/// <summary>How code at a position names a field, property or enum member: its bare name when that binds to it there, else its type's name and its own.</summary>
public static class MemberText
{
    /// <summary>The expression naming <paramref name="member"/> at <paramref name="position"/>, or null when neither form binds to it.</summary>
    public static string? At(ISymbol member, SemanticModel model, int position)
    {
        var forms = new List<string> { member.Name };
        if (member.ContainingType is { } type)
        {
            forms.Add(type.ToMinimalDisplayString(model, position) + "." + member.Name);
        }

        foreach (var form in forms)
        {
            var bound = model.GetSpeculativeSymbolInfo(position, SyntaxFactory.ParseExpression(form), SpeculativeBindingOption.BindAsExpression).Symbol;
            if (SymbolEqualityComparer.Default.Equals(bound?.OriginalDefinition, member.OriginalDefinition))
            {
                return form;
            }
        }

        return null;
    }
}
