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
        if (!TryReadObject(span[..headerLength], 0, "envelope header", out var header, out var problem))
        {
            return ParseResult<Envelope>.Failed(problem!);
        }

        string? eventId;
        using (header)
        {
            eventId = header!.RootElement.TryGetProperty("event_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        }

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
            if (!TryReadObject(span.Slice(position, itemHeaderLength), position, what, out var itemHeader, out problem))
            {
                return ParseResult<Envelope>.Failed(problem!);
            }

            string type;
            long? length;
            using (itemHeader)
            {
                var root = itemHeader!.RootElement;
                if (!root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
                {
                    return Fail(position, $"{what} has no string \"type\".");
                }

                type = typeElement.GetString()!;
                length = null;
                if (root.TryGetProperty("length", out var lengthElement) && lengthElement.ValueKind != JsonValueKind.Null)
                {
                    if (lengthElement.ValueKind != JsonValueKind.Number || !lengthElement.TryGetInt64(out var declared) || declared < 0)
                    {
                        return Fail(position, $"{what} has \"length\" {lengthElement.GetRawText()}, which is not a non-negative whole number.");
                    }

                    length = declared;
                }
            }

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

    private static bool TryReadObject(ReadOnlySpan<byte> line, int offset, string what, out JsonDocument? document, out ParseProblem? problem)
    {
        document = null;
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

        try
        {
            var parsed = JsonDocument.Parse(line.ToArray());
            if (parsed.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = new ParseProblem($"byte {offset}", $"{what} is a JSON {parsed.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object.");
                parsed.Dispose();
                return false;
            }

            document = parsed;
            return true;
        }
        catch (JsonException e)
        {
            var at = offset + (int)(e.BytePositionInLine ?? 0);
            problem = new ParseProblem($"byte {at}", $"{what} is not valid JSON at byte {at}: {JsonText.FirstSentence(e.Message)}");
            return false;
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim((byte)' ').Trim((byte)'\r').Trim((byte)'\t').IsEmpty;

    private static ParseResult<Envelope> Fail(int offset, string message) =>
        ParseResult<Envelope>.Failed(new ParseProblem($"byte {offset}", message));

    internal static string Describe(byte b) =>
        b is >= 0x20 and < 0x7f ? $"'{(char)b}'" : $"0x{b:x2}";
}
