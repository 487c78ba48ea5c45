using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Analysis;

/// <summary>Writes a one-statement guard into a file, in the file's own layout and indentation.</summary>
public static class GuardWriter
{
    /// <summary>
    /// The text with <c>if (<paramref name="condition"/>) <paramref name="statement"/></c> inserted on the lines before
    /// <paramref name="anchor"/>; null when the anchor cannot take a statement before it (an embedded statement, or
    /// code sharing its line).
    /// </summary>
    public static SourceText? InsertBefore(SourceText text, StatementSyntax anchor, string condition, string statement, GuardLayout layout)
    {
        if (!CanHoldStatements(anchor))
        {
            return null;
        }

        var line = text.Lines.GetLineFromPosition(anchor.SpanStart);
        var indent = text.ToString(TextSpan.FromBounds(line.Start, anchor.SpanStart));
        if (indent.Trim().Length != 0)
        {
            return null;
        }

        var newLine = NewLine(text);
        var guard = Guard(indent, Unit(text, anchor, indent), condition, statement, layout, newLine);
        if (layout.BlankLineAfter)
        {
            guard += newLine;
        }

        return text.WithChanges(new TextChange(new TextSpan(line.Start, 0), guard));
    }

    /// <summary>The text with the guard inserted on the line after <paramref name="anchor"/> (e.g. the declaration of the value).</summary>
    public static SourceText? InsertAfter(SourceText text, StatementSyntax anchor, string condition, string statement, GuardLayout layout)
    {
        if (!CanHoldStatements(anchor))
        {
            return null;
        }

        var first = text.Lines.GetLineFromPosition(anchor.SpanStart);
        var last = text.Lines.GetLineFromPosition(anchor.Span.End);
        var indent = text.ToString(TextSpan.FromBounds(first.Start, anchor.SpanStart));
        if (indent.Trim().Length != 0 || text.ToString(TextSpan.FromBounds(anchor.Span.End, last.End)).Trim().Length != 0
            || last.LineNumber + 1 >= text.Lines.Count)
        {
            return null;
        }

        var newLine = NewLine(text);
        var guard = Guard(indent, Unit(text, anchor, indent), condition, statement, layout, newLine);
        var next = text.Lines[last.LineNumber + 1];
        var nextText = text.ToString(next.Span).Trim();
        if (layout.BlankLineAfter && nextText.Length != 0 && nextText != "}")
        {
            guard += newLine;
        }

        return text.WithChanges(new TextChange(new TextSpan(next.Start, 0), guard));
    }

    /// <summary>The file's line break: CRLF when it already uses one.</summary>
    public static string NewLine(SourceText text) => text.ToString().Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";

    private static string Guard(string indent, string unit, string condition, string statement, GuardLayout layout, string newLine)
    {
        if (!layout.Braces)
        {
            return layout.SameLine
                ? $"{indent}if ({condition}) {statement}{newLine}"
                : $"{indent}if ({condition}){newLine}{indent}{unit}{statement}{newLine}";
        }

        return layout.OpenBraceOnNewLine
            ? $"{indent}if ({condition}){newLine}{indent}{{{newLine}{indent}{unit}{statement}{newLine}{indent}}}{newLine}"
            : $"{indent}if ({condition}) {{{newLine}{indent}{unit}{statement}{newLine}{indent}}}{newLine}";
    }

    private static bool CanHoldStatements(StatementSyntax anchor) => anchor.Parent is BlockSyntax or SwitchSectionSyntax;

    /// <summary>One indentation step: the anchor's indentation beyond its block's brace, else four spaces or a tab.</summary>
    private static string Unit(SourceText text, StatementSyntax anchor, string indent)
    {
        if (anchor.Parent is BlockSyntax block)
        {
            var braceLine = text.Lines.GetLineFromPosition(block.OpenBraceToken.SpanStart);
            var braceIndent = text.ToString(braceLine.Span);
            braceIndent = braceIndent[..(braceIndent.Length - braceIndent.TrimStart().Length)];
            if (indent.Length > braceIndent.Length && indent.StartsWith(braceIndent, StringComparison.Ordinal))
            {
                var step = indent[braceIndent.Length..];
                if (step.Trim().Length == 0)
                {
                    return step;
                }
            }
        }

        return indent.Contains('\t') ? "\t" : "    ";
    }
}
