using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Heal.Feed.Protocol;

/// <summary>Checks on raw JSON bytes that produce messages precise enough to fix the sender.</summary>
public static class JsonText
{
    /// <summary>How deep an event may nest. System.Text.Json's default; deeper input is refused, not truncated.</summary>
    public const int MaxDepth = 64;

    /// <summary>True when <paramref name="bytes"/> is valid UTF-8; otherwise the offset of the first bad byte.</summary>
    public static bool TryFindInvalidUtf8(ReadOnlySpan<byte> bytes, out int offset)
    {
        offset = -1;
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return true;
        }

        // Only on the failure path: decode in pieces to find where it breaks.
        Span<char> scratch = stackalloc char[512];
        var consumed = 0;
        while (consumed < bytes.Length)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes[consumed..], scratch, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            consumed += read;
            if (status is OperationStatus.InvalidData or OperationStatus.NeedMoreData)
            {
                offset = consumed;
                return false;
            }

            if (status == OperationStatus.Done)
            {
                break;
            }
        }

        offset = Math.Min(consumed, bytes.Length - 1);
        return false;
    }

    /// <summary>
    /// Null when <paramref name="json"/> is one well-formed JSON object; otherwise a sentence saying what is wrong and at
    /// which byte (offsets relative to <paramref name="baseOffset"/>).
    /// </summary>
    public static string? Validate(ReadOnlySpan<byte> json, int baseOffset)
    {
        if (!TryFindInvalidUtf8(json, out var bad))
        {
            return $"invalid UTF-8 at byte {baseOffset + bad} (byte {EnvelopeReader.Describe(json[bad])}).";
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            if (!reader.Read())
            {
                return "empty payload; expected a JSON object.";
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return $"expected a JSON object but found {reader.TokenType} at byte {baseOffset + (int)reader.TokenStartIndex}.";
            }

            reader.Skip();
            while (reader.Read())
            {
                // Anything after the object is trailing garbage; the reader throws on it.
            }

            return null;
        }
        catch (JsonException e)
        {
            var at = baseOffset + (int)reader.BytesConsumed;
            return $"invalid JSON at byte {at} (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1} of the line): {FirstSentence(e.Message)}";
        }
    }

    internal static string FirstSentence(string message)
    {
        // System.Text.Json appends "LineNumber: … | BytePositionInLine: …" which we already report in our own words.
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
