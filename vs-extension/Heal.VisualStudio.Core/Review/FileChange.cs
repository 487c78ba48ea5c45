using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Heal.VisualStudio.Core.Review;

/// <summary>
/// The edits of one existing file, ordered from the end of the file to its start, so each can be applied to the text
/// the previous ones left without moving the positions of the rest.
/// </summary>
public sealed record FileChange(string Path, string Uri, string OriginalText, IReadOnlyList<PositionedEdit> Edits)
{
    /// <summary>The text after the edits, or null when <paramref name="currentText"/> is not the text the patch was made against.</summary>
    public string? Apply(string currentText)
    {
        if (currentText != OriginalText)
        {
            return null;
        }

        var result = new StringBuilder(currentText);
        foreach (var edit in Edits)
        {
            result.Remove(edit.StartOffset, edit.EndOffset - edit.StartOffset).Insert(edit.StartOffset, edit.NewText);
        }

        return result.ToString();
    }

    internal static FileChange Create(string path, string uri, string originalText, IEnumerable<Protocol.LspTextEdit> edits)
    {
        var positioned = edits
            .Select(e => new PositionedEdit(e.Range.Start.Line, e.Range.Start.Character, e.Range.End.Line, e.Range.End.Character,
                TextPositions.ToOffset(originalText, e.Range.Start.Line, e.Range.Start.Character),
                TextPositions.ToOffset(originalText, e.Range.End.Line, e.Range.End.Character), e.NewText ?? ""))
            .OrderByDescending(e => e.StartOffset)
            .ThenByDescending(e => e.EndOffset)
            .ToList();
        return new FileChange(path, uri, originalText, positioned);
    }
}
