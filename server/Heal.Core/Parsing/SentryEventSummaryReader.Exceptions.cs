using System.Collections.Immutable;
using System.Text.Json;
using Heal.Core.Model;

namespace Heal.Core.Parsing;

/// <summary>
/// The exception chain and stack traces, walked where they stand inside the one validating pass: which exception is the
/// culprit, and the byte ranges of the frames the full parser would keep.
/// </summary>
public static partial class SentryEventSummaryReader
{
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
        var cut = new HeadAndTail<ExceptionSlices>(SentryEventJson.MaxExceptions - 1, 1);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                cut.Add(Exception(ref reader, offset));
            }
            else
            {
                reader.Skip();
                cut.Skipped();
            }
        }

        ExceptionSlices? first = null;
        var any = false;
        foreach (var info in cut.Kept())
        {
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
        var cut = new HeadAndTail<FrameSlices>(SentryEventJson.MaxFramesOutermost, SentryEventJson.MaxFramesNearCrash);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                cut.Add(Frame(ref reader, offset));
            }
            else
            {
                reader.Skip();
                cut.Skipped();
            }
        }

        return cut.Kept();
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

    /// <summary>
    /// The cut the full parser makes in a long array, decided while reading: the first <c>head</c> elements and the last
    /// <c>tail</c> ones (all of them when there are no more), in order; elements that were not objects
    /// take their place in the count (<see cref="Skipped"/>) and are dropped after the cut.
    /// </summary>
    private sealed class HeadAndTail<T>(int head, int tail)
    {
        private readonly List<(bool Present, T? Value)> _head = new(Math.Min(head, 16));
        private readonly List<(bool Present, T? Value)> _tail = [];
        private int _seen;

        public void Add(T value) => Add((true, value));

        /// <summary>An element that is not an object: it counts for the cut and is never kept.</summary>
        public void Skipped() => Add((false, default));

        public List<T> Kept()
        {
            var inTail = Math.Min(Math.Max(0, _seen - head), tail);
            var kept = new List<T>(_head.Count + inTail);
            foreach (var (present, value) in _head)
            {
                if (present)
                {
                    kept.Add(value!);
                }
            }

            for (var i = _seen - inTail; i < _seen; i++)
            {
                if (_tail[(i - head) % tail] is (true, var value))
                {
                    kept.Add(value!);
                }
            }

            return kept;
        }

        private void Add((bool Present, T? Value) element)
        {
            if (_seen < head)
            {
                _head.Add(element);
            }
            else if (_tail.Count < tail)
            {
                _tail.Add(element);
            }
            else
            {
                _tail[(_seen - head) % tail] = element;
            }

            _seen++;
        }
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
}
