using System.Collections.Immutable;
using System.Text.Json;
using Heal.Core.Model;

namespace Heal.Feed.Protocol;

/// <summary>
/// Frames a Sentry envelope (https://develop.sentry.dev/sdk/envelopes/): a header line, then items, each an
/// item header line followed by a payload. A payload is either exactly <c>length</c> bytes (the header says so)
/// or, without <c>length</c>, everything up to the next newline. Pure: no I/O, never throws on bad input.
/// </summary>
/// <remarks>
/// A length that lies is an error for the whole envelope, never a partial read: the payload must fit in the
/// data and be followed by a newline or the end. Items other than <c>event</c> are skipped so that one session
/// or attachment item an SDK adds can never cost the event.
/// </remarks>
public static class EnvelopeReader
{
    public const string EventItemType = "event";

    public static ParseResult<Envelope> Read(ReadOnlyMemory<byte> data)
    {
        var span = data.Span;
        var headerEnd = span.IndexOf((byte)'\n');
        var headerLength = headerEnd < 0 ? span.Length : headerEnd;
        if (!TryReadHeader(span[..headerLength], 0, "envelope header", out var header, out var problem))
        {
            return ParseResult<Envelope>.Failed(problem!);
        }

        var eventId = header.EventId;

        var events = ImmutableArray.CreateBuilder<EnvelopeItem>();
        var skipped = 0;
        var position = headerEnd < 0 ? span.Length : headerEnd + 1;
        var itemNumber = 0;
        while (position < span.Length)
        {
            var lineEnd = span[position..].IndexOf((byte)'\n');
            var itemHeaderLength = lineEnd < 0 ? span.Length - position : lineEnd;
            if (IsBlank(span.Slice(position, itemHeaderLength)))
            {
                // Blank lines between or after items carry nothing; SDKs end envelopes with a newline.
                position += itemHeaderLength + 1;
                continue;
            }

            itemNumber++;
            var what = $"item {itemNumber} header";
            if (!TryReadHeader(span.Slice(position, itemHeaderLength), position, what, out var itemHeader, out problem))
            {
                return ParseResult<Envelope>.Failed(problem!);
            }

            if (itemHeader.Type is not { } type)
            {
                return Fail(position, $"{what} has no string \"type\".");
            }

            if (itemHeader.BadLength is { } badLength)
            {
                return Fail(position, $"{what} has \"length\" {badLength}, which is not a non-negative whole number.");
            }

            var length = itemHeader.Length;

            var payloadStart = position + itemHeaderLength + 1;
            if (lineEnd < 0)
            {
                // The item header was the last line. A declared non-zero length can then only be a lie.
                if (length is > 0)
                {
                    return Fail(position, $"item {itemNumber} ({type}) declares length {length} but the envelope ends after its header.");
                }

                payloadStart = span.Length;
            }

            int payloadLength;
            int next;
            if (length is { } declaredLength)
            {
                var remaining = span.Length - payloadStart;
                if (declaredLength > remaining)
                {
                    return Fail(payloadStart, $"item {itemNumber} ({type}) declares length {declaredLength} but only {remaining} bytes follow its header.");
                }

                payloadLength = (int)declaredLength;
                var after = payloadStart + payloadLength;
                if (after < span.Length && span[after] != (byte)'\n')
                {
                    return Fail(after, $"item {itemNumber} ({type}) declares length {declaredLength} but the byte after its payload is {Describe(span[after])}, not a newline: the length does not match the payload.");
                }

                next = after + 1;
            }
            else
            {
                var payloadEnd = span[payloadStart..].IndexOf((byte)'\n');
                payloadLength = payloadEnd < 0 ? span.Length - payloadStart : payloadEnd;
                next = payloadStart + payloadLength + 1;
            }

            if (string.Equals(type, EventItemType, StringComparison.Ordinal))
            {
                events.Add(new EnvelopeItem(type, payloadStart, data.Slice(payloadStart, payloadLength)));
            }
            else
            {
                skipped++;
            }

            position = next;
        }

        return ParseResult<Envelope>.Ok(new Envelope(eventId, events.ToImmutable(), skipped));
    }

    /// <summary>The members of a header line Heal reads; the last of duplicates wins, as in any JSON reader.</summary>
    private record struct HeaderFields(string? EventId, string? Type, long? Length, string? BadLength);

    /// <summary>
    /// Reads a header line: one JSON object, validated whole, of which only the top-level <c>event_id</c>, <c>type</c> and
    /// <c>length</c> are kept. No document is built: a header line can be as long as the body, and what it holds besides
    /// those three members is never needed.
    /// </summary>
    private static bool TryReadHeader(ReadOnlySpan<byte> line, int offset, string what, out HeaderFields fields, out ParseProblem? problem)
    {
        fields = default;
        problem = null;
        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (IsBlank(line))
        {
            problem = new ParseProblem($"byte {offset}", $"{what} is empty; expected a JSON object.");
            return false;
        }

        if (!JsonText.TryFindInvalidUtf8(line, out var bad))
        {
            problem = new ParseProblem($"byte {offset + bad}", $"{what} is not valid UTF-8 (invalid byte {Describe(line[bad])} at byte {offset + bad}).");
            return false;
        }

        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = JsonText.MaxDepth });
        try
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                var kind = reader.TokenType;
                reader.Skip();
                while (reader.Read())
                {
                }

                problem = new ParseProblem($"byte {offset}", $"{what} is a JSON {KindName(kind)}, not an object.");
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueTextEquals("event_id"u8) ? 1 : reader.ValueTextEquals("type"u8) ? 2 : reader.ValueTextEquals("length"u8) ? 3 : 0;
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                var kind = reader.TokenType;
                var text = kind == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
                switch (name)
                {
                    case 1:
                        fields.EventId = text;
                        break;
                    case 2:
                        fields.Type = text;
                        break;
                    case 3 when kind == JsonTokenType.Null:
                        fields.Length = null;
                        fields.BadLength = null;
                        break;
                    case 3:
                        var raw = line[start..(int)reader.BytesConsumed];
                        var isCount = kind == JsonTokenType.Number && reader.TryGetInt64(out var declared) && declared >= 0;
                        fields.Length = isCount ? reader.GetInt64() : null;
                        fields.BadLength = isCount ? null : System.Text.Encoding.UTF8.GetString(raw.Length > 64 ? raw[..64] : raw) + (raw.Length > 64 ? "…" : "");
                        break;
                    default:
                        break;
                }
            }

            while (reader.Read())
            {
                // Whitespace may follow the object; anything else makes the reader throw.
            }

            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            var at = offset + (int)reader.BytesConsumed;
            problem = new ParseProblem($"byte {at}", $"{what} is not valid JSON at byte {at}: {JsonText.FirstSentence(e.Message)}");
            return false;
        }
    }

    private static string KindName(JsonTokenType kind) => kind switch
    {
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => "value",
    };

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim((byte)' ').Trim((byte)'\r').Trim((byte)'\t').IsEmpty;

    private static ParseResult<Envelope> Fail(int offset, string message) =>
        ParseResult<Envelope>.Failed(new ParseProblem($"byte {offset}", message));

    internal static string Describe(byte b) =>
        b is >= 0x20 and < 0x7f ? $"'{(char)b}'" : $"0x{b:x2}";
}
