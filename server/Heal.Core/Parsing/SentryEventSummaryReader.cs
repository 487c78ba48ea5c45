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
public static class SentryEventSummaryReader
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

    private static readonly byte[][] s_exceptionMembers = Names("type", "value", "module", "stacktrace");

    private static readonly byte[][] s_values = Names("values");

    private static readonly byte[][] s_frames = Names("frames");

    /// <summary>
    /// The culprit of an <c>exception</c> value (an object with <c>values</c>, or the array itself), the reader on its first
    /// token and left on its last: of the kept exceptions, the first with frames, else the first; whether any exception
    /// was kept (an event without one groups by its own stack trace).
    /// </summary>
    private static (ExceptionSlices? Culprit, bool Any) ExceptionValue(ref Utf8JsonReader reader, int offset)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            return ExceptionArray(ref reader, offset);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return (null, false);
        }

        (ExceptionSlices?, bool) values = (null, false);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals(s_values[0]))
            {
                reader.Skip();
                continue;
            }

            reader.Read();
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                values = ExceptionArray(ref reader, offset);
            }
            else
            {
                reader.Skip();
                values = (null, false);
            }
        }

        return values;
    }

    /// <summary>
    /// The culprit of an array of exceptions, reader on its <c>[</c>. The full parser keeps the first
    /// <see cref="SentryEventJson.MaxExceptions"/> - 1 exceptions and the last one; elements that are not objects are
    /// skipped after that cut.
    /// </summary>
    private static (ExceptionSlices? Culprit, bool Any) ExceptionArray(ref Utf8JsonReader reader, int offset)
    {
        const int Head = SentryEventJson.MaxExceptions - 1;
        var kept = new List<ExceptionSlices?>(4);
        ExceptionSlices? last = null;
        var seen = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            ExceptionSlices? element = null;
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                element = Exception(ref reader, offset);
            }
            else
            {
                reader.Skip();
            }

            if (seen < Head)
            {
                kept.Add(element);
            }
            else
            {
                last = element;
            }

            seen++;
        }

        if (seen > Head)
        {
            kept.Add(last);
        }

        ExceptionSlices? first = null;
        var any = false;
        foreach (var info in kept)
        {
            if (info is null)
            {
                continue;
            }

            any = true;
            if (info.Frames.Count > 0)
            {
                return (info, true);
            }

            first ??= info;
        }

        return (first, any);
    }

    /// <summary>One exception object, reader on its <c>{</c>; the last of duplicate members wins.</summary>
    private static ExceptionSlices Exception(ref Utf8JsonReader reader, int offset)
    {
        var info = new ExceptionSlices();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            switch (Which(ref reader, s_exceptionMembers))
            {
                case 0: info.Type = ValueSlice(ref reader, offset); break;
                case 1: info.Value = ValueSlice(ref reader, offset); break;
                case 2: info.Module = ValueSlice(ref reader, offset); break;
                case 3:
                    reader.Read();
                    info.Frames = reader.TokenType == JsonTokenType.StartObject ? Stacktrace(ref reader, offset) : SkippedEmpty(ref reader);
                    break;
                default: reader.Skip(); break;
            }
        }

        return info;
    }

    /// <summary>The kept frames of a <c>stacktrace</c> object, reader on its <c>{</c>, as the full parser's <c>ReadStacktrace</c> keeps them.</summary>
    private static List<FrameSlices> Stacktrace(ref Utf8JsonReader reader, int offset)
    {
        var frames = new List<FrameSlices>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals(s_frames[0]))
            {
                reader.Skip();
                continue;
            }

            reader.Read();
            frames = reader.TokenType == JsonTokenType.StartArray ? FrameArray(ref reader, offset) : SkippedEmpty(ref reader);
        }

        return frames;
    }

    /// <summary>
    /// The frames of a <c>frames</c> array, reader on its <c>[</c>: its first <see cref="SentryEventJson.MaxFramesOutermost"/>
    /// elements and its last <see cref="SentryEventJson.MaxFramesNearCrash"/> (all of them when there are no more than
    /// both), in order, elements that are not objects dropped after that cut.
    /// </summary>
    private static List<FrameSlices> FrameArray(ref Utf8JsonReader reader, int offset)
    {
        const int Head = SentryEventJson.MaxFramesOutermost;
        const int Tail = SentryEventJson.MaxFramesNearCrash;
        var kept = new List<FrameSlices?>(16);
        var ring = new FrameSlices?[Tail];
        var seen = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            FrameSlices? frame = null;
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                frame = Frame(ref reader, offset);
            }
            else
            {
                reader.Skip();
            }

            if (seen < Head)
            {
                kept.Add(frame);
            }
            else
            {
                ring[(seen - Head) % Tail] = frame;
            }

            seen++;
        }

        var inRing = Math.Min(Math.Max(0, seen - Head), Tail);
        for (var i = seen - inRing; i < seen; i++)
        {
            kept.Add(ring[(i - Head) % Tail]);
        }

        var frames = new List<FrameSlices>(kept.Count);
        foreach (var frame in kept)
        {
            if (frame is { } f)
            {
                frames.Add(f);
            }
        }

        return frames;
    }

    private static readonly byte[][] s_frameMembers = Names("filename", "abs_path", "function", "module", "lineno", "colno", "in_app");

    /// <summary>One frame object, reader on its <c>{</c>: the slices of the members a summary reads (the last of duplicates).</summary>
    private static FrameSlices Frame(ref Utf8JsonReader reader, int offset)
    {
        Span<Slice> members = stackalloc Slice[7];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var which = Which(ref reader, s_frameMembers);
            var value = ValueSlice(ref reader, offset);
            if (which >= 0)
            {
                members[which] = value;
            }
        }

        bool? inApp = members[6].Kind switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => null,
        };
        return new FrameSlices(members[0], members[1], members[2], members[3], members[4], members[5], inApp);
    }

    /// <summary>Skips a value that is not the container wanted, which then counts as absent.</summary>
    private static List<FrameSlices>? SkippedNull(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }

    private static List<FrameSlices> SkippedEmpty(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return [];
    }

    /// <summary>The kept frames of the <c>stacktrace</c> object at <paramref name="slice"/> (a thread's).</summary>
    private static List<FrameSlices> Frames(ReadOnlySpan<byte> utf8, Slice slice)
    {
        if (slice.Kind != JsonTokenType.StartObject)
        {
            return [];
        }

        var reader = ReaderAt(utf8, slice);
        return Stacktrace(ref reader, slice.Start);
    }

    private static readonly byte[][] s_threadMembers = Names("stacktrace", "crashed", "current");

    /// <summary>The frames of a message-only event: its <c>stacktrace</c>, else the crashed, current or first thread's.</summary>
    private static List<FrameSlices> EventStacktrace(ReadOnlySpan<byte> utf8, Root root)
    {
        if (root.StacktraceFrames is { } frames)
        {
            return frames;
        }

        var threads = root.Threads;
        if (threads.Kind == JsonTokenType.StartObject)
        {
            Span<Slice> values = stackalloc Slice[1];
            IndexMembers(utf8, threads, s_values, values);
            if (values[0].Kind != JsonTokenType.None)
            {
                threads = values[0];
            }
        }

        if (threads.Kind != JsonTokenType.StartArray)
        {
            return [];
        }

        Slice best = default;
        var bestRank = int.MaxValue;
        var reader = ReaderAt(utf8, threads);
        Span<Slice> members = stackalloc Slice[3];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var thread = ValueSlice(ref reader);
            thread = thread with { Start = thread.Start + threads.Start, End = thread.End + threads.Start };
            if (thread.Kind != JsonTokenType.StartObject)
            {
                continue;
            }

            IndexMembers(utf8, thread, s_threadMembers, members);
            if (members[0].Kind == JsonTokenType.StartObject)
            {
                var rank = members[1].Kind == JsonTokenType.True ? 0 : members[2].Kind == JsonTokenType.True ? 1 : 2;
                if (rank < bestRank)
                {
                    best = members[0];
                    bestRank = rank;
                }
            }
        }

        return bestRank == int.MaxValue ? [] : Frames(utf8, best);
    }

    /// <summary>
    /// The frames <see cref="Fingerprint"/> would choose from these (app frames nearest the crash, else frames of unknown
    /// origin, else any), as frames, in order; given only these, it chooses all of them again.
    /// </summary>
    private static ImmutableArray<StackFrame> ChosenFrames(ReadOnlySpan<byte> utf8, List<FrameSlices> frames)
    {
        if (frames.Count == 0)
        {
            return [];
        }

        var chosen = new List<FrameSlices>();
        foreach (var wanted in (bool?[])[true, null])
        {
            chosen.Clear();
            foreach (var frame in frames)
            {
                if (frame.InApp == wanted)
                {
                    chosen.Add(frame);
                }
            }

            if (chosen.Count > 0)
            {
                break;
            }
        }

        var take = chosen.Count > 0 ? Fingerprint.InAppFrameCount : Fingerprint.AnyFrameCount;
        var source = chosen.Count > 0 ? chosen : frames;
        var builder = ImmutableArray.CreateBuilder<StackFrame>(Math.Min(take, source.Count));
        for (var i = Math.Max(0, source.Count - take); i < source.Count; i++)
        {
            builder.Add(Materialize(utf8, source[i]));
        }

        return builder.MoveToImmutable();
    }

    private static StackFrame? TopFrame(ReadOnlySpan<byte> utf8, List<FrameSlices> frames)
    {
        if (frames.Count == 0)
        {
            return null;
        }

        for (var i = frames.Count - 1; i >= 0; i--)
        {
            if (frames[i].InApp == true)
            {
                return Materialize(utf8, frames[i]);
            }
        }

        // No frame marked in-app: the throwing frame, as ExceptionInfo.ThrowingFrame (Sentry falls back to the full stack).
        return Materialize(utf8, frames[^1]);
    }

    private static StackFrame Materialize(ReadOnlySpan<byte> utf8, FrameSlices frame) =>
        StackFrame.Create(
            Scalar(utf8, frame.Filename),
            Scalar(utf8, frame.AbsPath),
            Scalar(utf8, frame.Function),
            Scalar(utf8, frame.Module),
            PositiveInt(utf8, frame.Line),
            PositiveInt(utf8, frame.Column),
            frame.InApp);

    private static int? PositiveInt(ReadOnlySpan<byte> utf8, Slice slice)
    {
        double number;
        if (slice.Kind == JsonTokenType.Number)
        {
            var reader = ReaderAt(utf8, slice);
            if (!reader.TryGetDouble(out number))
            {
                return null;
            }
        }
        else if (slice.Kind != JsonTokenType.String
            || !double.TryParse(SafeString(utf8, slice), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out number))
        {
            return null;
        }

        return SentryValues.PositiveWhole(number);
    }

    private static ImmutableArray<string> SdkFingerprint(ReadOnlySpan<byte> utf8, Slice fingerprint)
    {
        if (fingerprint.Kind != JsonTokenType.StartArray)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        var reader = ReaderAt(utf8, fingerprint);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var part = ValueSlice(ref reader);
            if (builder.Count >= SentryEventJson.MaxFingerprintParts)
            {
                break;
            }

            part = part with { Start = part.Start + fingerprint.Start, End = part.End + fingerprint.Start };
            if (part.Kind is JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False)
            {
                builder.Add(Scalar(utf8, part) ?? "");
            }
        }

        return builder.ToImmutable();
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
