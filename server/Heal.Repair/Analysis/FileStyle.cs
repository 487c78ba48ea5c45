using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Analysis;

/// <summary>
/// How a file is written, measured from the file itself so that inserted code reads like its neighbours:
/// indentation unit, line break, brace placement, whether one-statement guards keep braces, and <c>var</c> usage.
/// </summary>
/// <param name="IndentUnit">One level of indentation (four spaces, two spaces or a tab).</param>
/// <param name="NewLine">The file's line break.</param>
/// <param name="OpenBraceOnOwnLine">Allman braces (true) or end-of-line braces (false).</param>
/// <param name="BracelessGuards">One-statement <c>if</c> bodies are written without braces.</param>
/// <param name="BracelessGuardOnSameLine">Braceless bodies stay on the <c>if</c> line.</param>
/// <param name="PrefersVar">Locals are declared with <c>var</c> more often than with an explicit type.</param>
public sealed record FileStyle(
    string IndentUnit,
    string NewLine,
    bool OpenBraceOnOwnLine,
    bool BracelessGuards,
    bool BracelessGuardOnSameLine,
    bool PrefersVar)
{
    public static FileStyle Of(SyntaxNode root)
    {
        var text = root.SyntaxTree.GetText();
        var newLine = text.ToString().Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";

        var ownLine = 0;
        var endOfLine = 0;
        var indentUnit = (string?)null;
        foreach (var block in root.DescendantNodes().OfType<BlockSyntax>())
        {
            var brace = block.OpenBraceToken;
            if (IsFirstOnLine(text, brace.SpanStart))
            {
                ownLine++;
            }
            else
            {
                endOfLine++;
            }

            if (indentUnit is null && block.Statements.Count > 0)
            {
                var outer = LineIndent(text, block.CloseBraceToken.SpanStart);
                var inner = LineIndent(text, block.Statements[0].SpanStart);
                if (inner.Length > outer.Length && inner.StartsWith(outer, StringComparison.Ordinal))
                {
                    indentUnit = inner[outer.Length..];
                }
            }
        }

        var braceless = 0;
        var braced = 0;
        var sameLine = 0;
        foreach (var ifStatement in root.DescendantNodes().OfType<IfStatementSyntax>())
        {
            if (ifStatement.Statement is BlockSyntax block)
            {
                if (block.Statements.Count == 1 && block.Statements[0] is ReturnStatementSyntax or ThrowStatementSyntax or ContinueStatementSyntax or BreakStatementSyntax)
                {
                    braced++;
                }
            }
            else if (ifStatement.Statement is ReturnStatementSyntax or ThrowStatementSyntax or ContinueStatementSyntax or BreakStatementSyntax)
            {
                braceless++;
                if (!IsFirstOnLine(text, ifStatement.Statement.SpanStart))
                {
                    sameLine++;
                }
            }
        }

        var varCount = 0;
        var explicitCount = 0;
        foreach (var declaration in root.DescendantNodes().OfType<LocalDeclarationStatementSyntax>())
        {
            if (declaration.Declaration.Type.IsVar)
            {
                varCount++;
            }
            else
            {
                explicitCount++;
            }
        }

        return new FileStyle(
            indentUnit ?? "    ",
            newLine,
            ownLine >= endOfLine,
            braceless > braced,
            braceless > 0 && sameLine * 2 > braceless,
            varCount >= explicitCount);
    }

    /// <summary>The whitespace that starts the line containing <paramref name="position"/>.</summary>
    public static string LineIndent(SourceText text, int position)
    {
        var line = text.Lines.GetLineFromPosition(position);
        var end = line.Start;
        while (end < line.End && (text[end] == ' ' || text[end] == '\t'))
        {
            end++;
        }

        return text.ToString(TextSpan.FromBounds(line.Start, end));
    }

    public static bool IsFirstOnLine(SourceText text, int position)
    {
        var line = text.Lines.GetLineFromPosition(position);
        for (var i = line.Start; i < position; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// An <c>if</c> guard whose body is one statement, indented at <paramref name="indent"/>, ending with a line
    /// break so it can be inserted at the start of a line.
    /// </summary>
    public string Guard(string indent, string condition, string body)
    {
        if (BracelessGuards)
        {
            return BracelessGuardOnSameLine
                ? $"{indent}if ({condition}) {body}{NewLine}"
                : $"{indent}if ({condition}){NewLine}{indent}{IndentUnit}{body}{NewLine}";
        }

        return OpenBraceOnOwnLine
            ? $"{indent}if ({condition}){NewLine}{indent}{{{NewLine}{indent}{IndentUnit}{body}{NewLine}{indent}}}{NewLine}"
            : $"{indent}if ({condition}) {{{NewLine}{indent}{IndentUnit}{body}{NewLine}{indent}}}{NewLine}";
    }

    /// <summary>An <c>if</c> guard whose body is <paramref name="statements"/>; braces whenever there is more than one.</summary>
    public string Guard(string indent, string condition, IReadOnlyList<string> statements)
    {
        if (statements.Count == 1)
        {
            return Guard(indent, condition, statements[0]);
        }

        var body = string.Concat(statements.Select(s => $"{indent}{IndentUnit}{s}{NewLine}"));
        return OpenBraceOnOwnLine
            ? $"{indent}if ({condition}){NewLine}{indent}{{{NewLine}{body}{indent}}}{NewLine}"
            : $"{indent}if ({condition}) {{{NewLine}{body}{indent}}}{NewLine}";
    }

    /// <summary>The blank line the file leaves after a guard, when the statement it protects already follows a blank line.</summary>
    public static bool FollowsBlankLine(SourceText text, int position)
    {
        var line = text.Lines.GetLineFromPosition(position).LineNumber;
        return line > 0 && string.IsNullOrWhiteSpace(text.Lines[line - 1].ToString());
    }
}
