using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Heal.Core.Grouping;
using Heal.Core.Model;

namespace Heal.Core.Parsing;

/// <summary>
/// The feed's ingest reader: from a Sentry event's UTF-8 bytes, only what an <see cref="EventSummary"/> holds, with the
/// same answers as <see cref="SentryEventJson"/> followed by <see cref="EventSummary.FromEvent"/> (a property test holds
/// them equal). It builds no document: one validating pass over the bytes walks into the exception and the stack trace
/// where they stand (recording where each kept frame's members are, skipping everything else once) and records where
/// the few other members it needs are; only those small slices are read again. Memory is bounded whatever the event: it keeps the byte ranges of at most
/// <see cref="SentryEventJson.MaxExceptions"/> exceptions and of <see cref="SentryEventJson.MaxFramesOutermost"/> +
/// <see cref="SentryEventJson.MaxFramesNearCrash"/> frames of one stack trace, and turns into strings only the frames
/// that group the event and the throwing frame. Breadcrumbs, contexts, modules and the rest are validated and skipped.
/// </summary>
/// <remarks>
/// The rules mirrored from the full parser: the last of duplicate members wins; a chain of more than
/// <see cref="SentryEventJson.MaxExceptions"/> exceptions keeps the first ones and the last; a stack trace keeps its first
/// frames and those nearest the crash; values that are not objects are skipped after the cut, not before; strings are
/// cut to <see cref="SentryEventJson.MaxStringLength"/> characters.
/// </remarks>
public static partial class SentryEventSummaryReader
{
    private static readonly JsonReaderOptions s_options = new() { MaxDepth = SentryEventJson.MaxDepth };

    public static ParseResult<EventSummary> Read(ReadOnlySpan<byte> utf8, DateTimeOffset receivedAt)
    {
        Root root;
        try
        {
            if (!TryIndexRoot(utf8, out root, out var notObject))
            {
                return ParseResult<EventSummary>.Failed(new ParseProblem("$", notObject!));
            }
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line ? $"line {line + 1}, byte {exception.BytePositionInLine + 1}" : "$";
            return ParseResult<EventSummary>.Failed(new ParseProblem(where, "Invalid JSON: " + JsonFirstSentence(exception.Message)));
        }

        var id = EventId(utf8, root.EventId) ?? Convert.ToHexStringLower(SHA256.HashData(utf8))[..32];
        var timestamp = Timestamp(utf8, root.Timestamp) ?? receivedAt;
        var release = Scalar(utf8, root.Release);
        var message = Message(utf8, root);

        var culprit = root.Culprit;
        ImmutableArray<StackFrame> eventFrames = [];
        if (!root.AnyException)
        {
            eventFrames = ChosenFrames(utf8, EventStacktrace(utf8, root));
        }

        ExceptionInfo? culpritInfo = null;
        StackFrame? topFrame = null;
        if (culprit is { } c)
        {
            var frames = c.Frames;
            culpritInfo = new ExceptionInfo(Scalar(utf8, c.Type) ?? "(unknown)", Scalar(utf8, c.Value), Scalar(utf8, c.Module), null, ChosenFrames(utf8, frames));
            topFrame = TopFrame(utf8, frames);
        }

        var grouping = new ErrorEvent(id, timestamp, null, release, null, null, message, null,
            culpritInfo is null ? [] : [culpritInfo], null, null,
            ImmutableDictionary<string, string>.Empty, ImmutableDictionary<string, string>.Empty, SdkFingerprint(utf8, root.Fingerprint), null)
        {
            Stacktrace = eventFrames,
        };

        return ParseResult<EventSummary>.Ok(new EventSummary(
            id, timestamp, release, culpritInfo?.Type ?? "message", culpritInfo?.Value ?? message, topFrame, Fingerprint.Compute(grouping)));
    }

    /// <summary>Where a JSON value lies in the payload, and what kind it is (<see cref="JsonTokenType.None"/>: absent).</summary>
    private readonly record struct Slice(int Start, int End, JsonTokenType Kind)
    {
        public bool IsAbsentOrNull => Kind is JsonTokenType.None or JsonTokenType.Null;
    }

    private struct Root
    {
        public Slice EventId, Timestamp, Release, Message, LogEntry, Threads, Fingerprint;

        /// <summary>The culprit of the last <c>exception</c> member, and whether it kept any exception.</summary>
        public ExceptionSlices? Culprit;
        public bool AnyException;

        /// <summary>The kept frames of the last <c>stacktrace</c> member when it is an object; null when it is not.</summary>
        public List<FrameSlices>? StacktraceFrames;
    }

    /// <summary>One exception: its members' slices and its kept frames.</summary>
    private sealed class ExceptionSlices
    {
        public Slice Type, Value, Module;
        public List<FrameSlices> Frames = [];
    }

    /// <summary>One kept frame's members, read only when the frame is chosen.</summary>
    private readonly record struct FrameSlices(Slice Filename, Slice AbsPath, Slice Function, Slice Module, Slice Line, Slice Column, bool? InApp);

    /// <summary>The one pass that validates the whole payload (as the full parser's document does) and finds the root members.</summary>
    private static bool TryIndexRoot(ReadOnlySpan<byte> utf8, out Root root, out string? notObject)
    {
        root = default;
        notObject = null;
        var reader = new Utf8JsonReader(utf8, s_options);
        if (!reader.Read())
        {
            throw new JsonException("The input does not contain any JSON tokens.");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var kind = reader.TokenType;
            reader.Skip();
            while (reader.Read())
            {
            }

            notObject = $"The event is a JSON {KindName(kind)}, not an object.";
            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var which = Which(ref reader, s_rootMembers);
            if (which is 5 or 6)
            {
                // The exception and the stack trace are read where they stand, in this same pass: no second reader
                // walks their frames again.
                reader.Read();
                if (which == 5)
                {
                    (root.Culprit, root.AnyException) = ExceptionValue(ref reader, 0);
                }
                else
                {
                    root.StacktraceFrames = reader.TokenType == JsonTokenType.StartObject ? Stacktrace(ref reader, 0) : SkippedNull(ref reader);
                }

                continue;
            }

            var value = ValueSlice(ref reader);
            switch (which)
            {
                case 0: root.EventId = value; break;
                case 1: root.Timestamp = value; break;
                case 2: root.Release = value; break;
                case 3: root.Message = value; break;
                case 4: root.LogEntry = value; break;
                case 7: root.Threads = value; break;
                case 8: root.Fingerprint = value; break;
                default: break;
            }
        }

        // Whitespace may follow the object; anything else makes the reader throw, as the document parser does.
        while (reader.Read())
        {
        }

        return true;
    }

    private static readonly byte[][] s_rootMembers = Names("event_id", "timestamp", "release", "message", "logentry", "exception", "stacktrace", "threads", "fingerprint");

    private static byte[][] Names(params string[] names) => names.Select(Encoding.UTF8.GetBytes).ToArray();

    /// <summary>The index of the property name the reader is on in <paramref name="names"/>, or -1.</summary>
    private static int Which(ref Utf8JsonReader reader, byte[][] names)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (reader.ValueTextEquals(names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Reads the value after a property name (or an array element's first token) and returns its slice, skipping containers.</summary>
    private static Slice ValueSlice(ref Utf8JsonReader reader, int offset = 0)
    {
        if (reader.TokenType == JsonTokenType.PropertyName)
        {
            reader.Read();
        }

        var start = (int)reader.TokenStartIndex;
        var kind = reader.TokenType;
        if (kind is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
        }

        return new Slice(start + offset, (int)reader.BytesConsumed + offset, kind);
    }

    private static Utf8JsonReader ReaderAt(ReadOnlySpan<byte> utf8, Slice slice)
    {
        var reader = new Utf8JsonReader(utf8[slice.Start..slice.End], s_options);
        reader.Read();
        return reader;
    }

    /// <summary>The last slice of each of <paramref name="names"/> in the object at <paramref name="slice"/>.</summary>
    private static void IndexMembers(ReadOnlySpan<byte> utf8, Slice slice, byte[][] names, Span<Slice> found)
    {
        found.Clear();
        var reader = ReaderAt(utf8, slice);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var which = Which(ref reader, names);
            var value = ValueSlice(ref reader);
            if (which >= 0)
            {
                found[which] = value with { Start = value.Start + slice.Start, End = value.End + slice.Start };
            }
        }
    }

    /// <summary>The full parser's <c>ScalarValue</c>: a string as itself (cut), a number or boolean as its JSON text, else null.</summary>
    private static string? Scalar(ReadOnlySpan<byte> utf8, Slice slice) => slice.Kind switch
    {
        JsonTokenType.String => SentryValues.Cut(SafeString(utf8, slice)),
        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False => SentryValues.Cut(Encoding.UTF8.GetString(utf8[slice.Start..slice.End])),
        _ => null,
    };

    private static string SafeString(ReadOnlySpan<byte> utf8, Slice slice)
    {
        var reader = ReaderAt(utf8, slice);
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // As the full parser: an escaped lone surrogate keeps its raw JSON text, quotes included.
            return Encoding.UTF8.GetString(utf8[slice.Start..slice.End]);
        }
    }

    private static string? EventId(ReadOnlySpan<byte> utf8, Slice slice)
    {
        if (slice.Kind != JsonTokenType.String)
        {
            return null;
        }

        var compact = SafeString(utf8, slice).Replace("-", "", StringComparison.Ordinal);
        return compact.Length == 32 && compact.All(Uri.IsHexDigit) ? compact.ToLowerInvariant() : null;
    }

    private static DateTimeOffset? Timestamp(ReadOnlySpan<byte> utf8, Slice slice)
    {
        if (slice.Kind == JsonTokenType.Number)
        {
            var reader = ReaderAt(utf8, slice);
            return reader.TryGetDouble(out var seconds) && SentryValues.TryFromEpochSeconds(seconds, out var fromNumber) ? fromNumber : null;
        }

        if (slice.Kind == JsonTokenType.String && SafeString(utf8, slice) is { Length: <= 64 } text)
        {
            if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var numeric)
                && SentryValues.TryFromEpochSeconds(numeric, out var fromNumericText))
            {
                return fromNumericText;
            }

            if (SentryValues.TryParseIso(text, out var fromIso))
            {
                return fromIso;
            }
        }

        return null;
    }

    private static readonly byte[][] s_logEntryMembers = Names("formatted", "message");

    private static string? Message(ReadOnlySpan<byte> utf8, Root root)
    {
        if (root.Message.Kind == JsonTokenType.String)
        {
            return SentryValues.Cut(SafeString(utf8, root.Message));
        }

        if (root.Message.Kind == JsonTokenType.StartObject && LogEntry(utf8, root.Message) is { } fromObject)
        {
            return fromObject;
        }

        return root.LogEntry.Kind == JsonTokenType.StartObject ? LogEntry(utf8, root.LogEntry) : null;
    }

    private static string? LogEntry(ReadOnlySpan<byte> utf8, Slice entry)
    {
        Span<Slice> found = stackalloc Slice[2];
        IndexMembers(utf8, entry, s_logEntryMembers, found);
        return Scalar(utf8, found[0]) ?? Scalar(utf8, found[1]);
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

    private static string JsonFirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd();
    }
}
