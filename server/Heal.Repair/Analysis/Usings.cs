using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Analysis;

/// <summary>Adds a <c>using</c> directive where the file's own order puts it.</summary>
public static class Usings
{
    /// <summary>
    /// The change that adds <c>using <paramref name="name"/>;</c> in order among the file's top-level usings; null when it
    /// is already there.
    /// </summary>
    public static TextChange? Add(SyntaxNode root, string name)
    {
        var text = root.SyntaxTree.GetText();
        var newLine = FileStyle.Of(root).NewLine;
        var usings = root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>()
            .Where(u => u.StaticKeyword.IsKind(SyntaxKind.None) && u.Alias is null && u.GlobalKeyword.IsKind(SyntaxKind.None))
            .ToList();
        if (usings.Any(u => u.NamespaceOrType.ToString() == name))
        {
            return null;
        }

        var line = $"using {name};{newLine}";
        if (usings.Count == 0)
        {
            var first = root is CompilationUnitSyntax unit ? unit.Members.FirstOrDefault() : null;
            return new TextChange(new TextSpan(first?.FullSpan.Start ?? 0, 0), line + newLine);
        }

        var before = usings.LastOrDefault(u => Sorts(u.NamespaceOrType.ToString()) < Sorts(name) || Sorts(u.NamespaceOrType.ToString()) == Sorts(name) && string.CompareOrdinal(u.NamespaceOrType.ToString(), name) < 0);
        if (before is null)
        {
            return new TextChange(new TextSpan(text.Lines.GetLineFromPosition(usings[0].SpanStart).Start, 0), line);
        }

        return new TextChange(new TextSpan(text.Lines.GetLineFromPosition(before.Span.End).EndIncludingLineBreak, 0), line);
    }

    /// <summary><c>System</c> namespaces first, as <c>dotnet_sort_system_directives_first</c> orders them.</summary>
    private static int Sorts(string name) => name == "System" || name.StartsWith("System.", StringComparison.Ordinal) ? 0 : 1;
}
