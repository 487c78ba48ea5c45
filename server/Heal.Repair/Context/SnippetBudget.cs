using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Context;

/// <summary>
/// Collects snippets in priority order until the byte budget is spent. A snippet whose lines are already
/// covered is skipped; one too large is cut at a line boundary to what is left (or to the per-snippet cap).
/// </summary>
internal sealed class SnippetBudget(int budget, int maxSnippet)
{
    /// <summary>Below this many bytes a cut snippet says too little to be worth including.</summary>
    private const int MinimumUsefulBytes = 256;

    private readonly List<ContextSnippet> _snippets = [];
    private readonly Dictionary<string, List<(int First, int Last)>> _covered = new(StringComparer.Ordinal);
    private int _used;

    public void Add(string relativePath, SourceText text, SyntaxNode node, string role)
    {
        var span = text.Lines.GetLinePositionSpan(node.Span);
        Add(relativePath, text, span.Start.Line + 1, span.End.Line + 1, role);
    }

    public void Add(string relativePath, SourceText text, int firstLine, int lastLine, string role)
    {
        if (!_covered.TryGetValue(relativePath, out var ranges))
        {
            _covered[relativePath] = ranges = [];
        }

        if (ranges.Any(r => r.First <= firstLine && lastLine <= r.Last))
        {
            return;
        }

        var available = Math.Min(budget - _used, maxSnippet);
        var lines = new List<string>();
        var size = 0;
        for (var line = firstLine; line <= lastLine && line <= text.Lines.Count; line++)
        {
            var content = text.Lines[line - 1].ToString();
            var bytes = System.Text.Encoding.UTF8.GetByteCount(content) + 1;
            if (size + bytes > available)
            {
                break;
            }

            lines.Add(content);
            size += bytes;
        }

        if (lines.Count == 0 || (lines.Count < lastLine - firstLine + 1 && size < MinimumUsefulBytes))
        {
            return;
        }

        _snippets.Add(new ContextSnippet(relativePath, firstLine, string.Join('\n', lines), role));
        ranges.Add((firstLine, firstLine + lines.Count - 1));
        _used += size;
    }

    public bool Covers(string relativePath, int line) =>
        _covered.TryGetValue(relativePath, out var ranges) && ranges.Any(r => r.First <= line && line <= r.Last);

    public ImmutableArray<ContextSnippet> ToImmutable() => [.. _snippets];
}
