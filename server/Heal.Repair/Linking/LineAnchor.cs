using Heal.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Linking;

/// <summary>
/// Finds the current line of a frame in a file that may have changed since the release. With the SDK's
/// <c>context_line</c>, the nearest line with the same text (exact, then trimmed), preferring lines whose
/// neighbours match the pre/post context. Without it, when the frame names a method and the reported line
/// falls outside that method now, the line is moved into the method's body (see <see cref="InMethod"/>).
/// </summary>
internal static class LineAnchor
{
    public static (int Line, bool Reanchored) Find(FileSource source, StackFrame frame, FrameSymbol symbol)
    {
        var count = source.Lines.Length;
        var reported = frame.Line;
        if (!string.IsNullOrEmpty(frame.ContextLine))
        {
            if (reported is int r && r >= 1 && r <= count && source.Lines[r - 1].TrimEnd('\r') == frame.ContextLine)
            {
                return (r, false);
            }

            var found = Nearest(source.Lines, frame, reported ?? 1, exact: true) ?? Nearest(source.Lines, frame, reported ?? 1, exact: false);
            if (found is int line)
            {
                return (line, reported != line);
            }
        }

        if (source.Syntax is not null && symbol.Method is not null && InMethod(source.Syntax, symbol, reported) is int inMethod)
        {
            return (inMethod, reported != inMethod);
        }

        if (reported is not int given)
        {
            return (1, false);
        }

        var clamped = Math.Clamp(given, 1, Math.Max(count, 1));
        return (clamped, clamped != given);
    }

    private static int? Nearest(string[] lines, StackFrame frame, int reported, bool exact)
    {
        var wanted = exact ? frame.ContextLine! : frame.ContextLine!.Trim();
        int? best = null;
        (int Context, int Distance) bestScore = (-1, int.MaxValue);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (!string.Equals(exact ? line : line.Trim(), wanted, StringComparison.Ordinal))
            {
                continue;
            }

            var score = (ContextScore(lines, i, frame), Math.Abs(i + 1 - reported));
            if (score.Item1 > bestScore.Context || (score.Item1 == bestScore.Context && score.Item2 < bestScore.Distance))
            {
                bestScore = score;
                best = i + 1;
            }
        }

        return best;
    }

    /// <summary>How many of the frame's surrounding lines match around line index <paramref name="at"/> (trimmed).</summary>
    private static int ContextScore(string[] lines, int at, StackFrame frame)
    {
        var score = 0;
        var pre = frame.PreContext.IsDefault ? [] : frame.PreContext;
        for (var k = 0; k < pre.Length; k++)
        {
            var index = at - pre.Length + k;
            if (index >= 0 && lines[index].Trim() == pre[k].Trim())
            {
                score++;
            }
        }

        var post = frame.PostContext.IsDefault ? [] : frame.PostContext;
        for (var k = 0; k < post.Length; k++)
        {
            var index = at + 1 + k;
            if (index < lines.Length && lines[index].Trim() == post[k].Trim())
            {
                score++;
            }
        }

        return score;
    }

    /// <summary>
    /// The reported line when it lies inside a method the frame names; otherwise a line inside that method.
    /// </summary>
    private static int? InMethod(SyntaxNode root, FrameSymbol symbol, int? reported)
    {
        var methods = MethodMatcher.Find(root, symbol).ToList();
        if (methods.Count == 0)
        {
            return null;
        }

        var tree = root.SyntaxTree;
        int LineOf(int position) => tree.GetLineSpan(new Microsoft.CodeAnalysis.Text.TextSpan(position, 0)).StartLinePosition.Line + 1;

        if (reported is int r && methods.Any(m => LineOf(m.SpanStart) <= r && r <= LineOf(m.Span.End)))
        {
            return r;
        }

        // Several overloads: the one nearest the reported line moved the least.
        var method = reported is int near
            ? methods.OrderBy(m => Math.Min(Math.Abs(LineOf(m.SpanStart) - near), Math.Abs(LineOf(m.Span.End) - near))).First()
            : methods[0];
        var statements = BodyStatements(method);
        if (statements.Count == 0)
        {
            return LineOf(method.SpanStart);
        }

        var first = LineOf(statements[0].SpanStart);
        var last = LineOf(statements[^1].SpanStart);
        if (reported is not int line)
        {
            return first;
        }

        // The method moved because code above it changed size. Where the throwing statement sits inside the
        // body cannot be known without the old file, so stay inside the method at the side the frame points
        // to: a line above the method lands on its first statement, one below it on its last.
        return line < LineOf(method.SpanStart) ? first : last;
    }

    private static List<SyntaxNode> BodyStatements(SyntaxNode method)
    {
        var body = method switch
        {
            BaseMethodDeclarationSyntax m => (SyntaxNode?)m.Body ?? m.ExpressionBody,
            LocalFunctionStatementSyntax f => (SyntaxNode?)f.Body ?? f.ExpressionBody,
            PropertyDeclarationSyntax p => (SyntaxNode?)p.ExpressionBody ?? p.AccessorList,
            _ => method,
        };
        return body switch
        {
            null => [],
            BlockSyntax block => block.DescendantNodes().OfType<StatementSyntax>().Where(s => s is not BlockSyntax).Cast<SyntaxNode>().ToList(),
            ArrowExpressionClauseSyntax arrow => [arrow.Expression],
            _ => body.DescendantNodes().OfType<StatementSyntax>().Where(s => s is not BlockSyntax).Cast<SyntaxNode>().DefaultIfEmpty(body).ToList()!,
        };
    }
}
