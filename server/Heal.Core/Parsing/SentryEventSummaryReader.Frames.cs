using System.Collections.Immutable;
using System.Text.Json;
using Heal.Core.Grouping;
using Heal.Core.Model;

namespace Heal.Core.Parsing;

/// <summary>
/// From kept frames to what a summary holds: a message-only event's thread stack, the frames that group the event, the
/// throwing frame, and the SDK's own fingerprint.
/// </summary>
public static partial class SentryEventSummaryReader
{
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
}
