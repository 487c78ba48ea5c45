namespace Heal.Core.Scrubbing;

/// <summary>
/// The replacements that scrub one JSON document: byte ranges of the original and what goes in their place. Everything
/// else is copied byte for byte, so the scrubbed document keeps the sender's formatting and escapes.
/// </summary>
public sealed class ScrubbedJson
{
    private readonly List<(int Start, int End, byte[] Replacement)> _edits;

    internal ScrubbedJson(List<(int Start, int End, byte[] Replacement)> edits, int originalLength)
    {
        _edits = edits;
        var length = (long)originalLength;
        foreach (var (start, end, replacement) in edits)
        {
            length += replacement.Length - (end - start);
        }

        Length = checked((int)length);
    }

    /// <summary>How many values were replaced.</summary>
    public int Count => _edits.Count;

    /// <summary>The scrubbed document's length in bytes.</summary>
    public int Length { get; }

    /// <summary>Writes the scrubbed document: <paramref name="original"/> with the replacements, into <paramref name="destination"/> (at least <see cref="Length"/> bytes).</summary>
    public void CopyTo(ReadOnlySpan<byte> original, Span<byte> destination)
    {
        var from = 0;
        var to = 0;
        foreach (var (start, end, replacement) in _edits)
        {
            original[from..start].CopyTo(destination[to..]);
            to += start - from;
            replacement.CopyTo(destination[to..]);
            to += replacement.Length;
            from = end;
        }

        original[from..].CopyTo(destination[to..]);
    }

    /// <summary>The scrubbed document as a new array.</summary>
    public byte[] ToArray(ReadOnlySpan<byte> original)
    {
        var result = new byte[Length];
        CopyTo(original, result);
        return result;
    }
}
