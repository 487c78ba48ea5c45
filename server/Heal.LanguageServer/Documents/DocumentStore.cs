using System.Collections.Immutable;

namespace Heal.LanguageServer.Documents;

/// <summary>
/// The open documents. Changed only by the text-sync handlers, which the request queue runs one at a time; readers
/// take <see cref="Snapshot"/>, an immutable map, so a hover never sees half a change.
/// </summary>
public sealed class DocumentStore
{
    private ImmutableDictionary<string, TextDocument> _documents = ImmutableDictionary<string, TextDocument>.Empty.WithComparers(StringComparer.Ordinal);

    public ImmutableDictionary<string, TextDocument> Snapshot => Volatile.Read(ref _documents);

    public void Open(TextDocument document) => Volatile.Write(ref _documents, _documents.SetItem(document.Uri, document));

    public void Close(string uri) => Volatile.Write(ref _documents, _documents.Remove(uri));

    /// <summary>Applies changes in order; a change without a range replaces the whole text. Unknown documents are ignored.</summary>
    public void Change(string uri, int version, IReadOnlyList<TextChange> changes)
    {
        if (!_documents.TryGetValue(uri, out var document))
        {
            return;
        }

        var text = document.Text;
        foreach (var change in changes)
        {
            if (change.Range is not { } r)
            {
                text = change.Text;
                continue;
            }

            var start = TextOffsets.ToOffset(text, r.StartLine, r.StartCharacter);
            var end = Math.Max(start, TextOffsets.ToOffset(text, r.EndLine, r.EndCharacter));
            text = string.Concat(text.AsSpan(0, start), change.Text, text.AsSpan(end));
        }

        Volatile.Write(ref _documents, _documents.SetItem(uri, document with { Version = version, Text = text }));
    }
}
