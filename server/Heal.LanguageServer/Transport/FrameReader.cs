using System.Buffers;
using System.Globalization;

namespace Heal.LanguageServer.Transport;

/// <summary>
/// The LSP base protocol's framing, read defensively. A frame is a header section of <c>Name: value</c> lines, each
/// ending in CRLF, then an empty line, then exactly <c>Content-Length</c> bytes of body. Pure: it looks at the bytes
/// received so far and says what their start holds; <see cref="LspMessageHandler"/> consumes and answers.
/// </summary>
/// <remarks>
/// How bad input is survived:
/// <list type="bullet">
/// <item>Bytes that cannot start a header are skipped up to the next <c>Content-Length:</c> (any case): the framing
/// resynchronises instead of giving up.</item>
/// <item>A header section that cannot frame a message (no, two, or a non-numeric Content-Length; a line that is not
/// <c>Name: value</c> with a token for its name) is consumed and reported; the bytes after it are skipped as above.
/// A frame that lost its empty line makes its body a "header line" this way, so the declared length cannot swallow the
/// frames after it (found by fuzz:lsp: such a frame held the pings that followed it for over 20 s).</item>
/// <item>Content-Length is capped at <see cref="MaxContentLength"/> (64 MiB), checked before any body byte is awaited, so
/// a huge length (2^31-1 used to make the server wait forever) is refused at once. 64 MiB is far above any source file
/// an editor sends in <c>didOpen</c>, and bounds what one message can make the server buffer (the body, then its parse).</item>
/// <item>A header section longer than <see cref="MaxHeaderLength"/> without its empty line is skipped as above.</item>
/// <item>A frame whose body is shorter than declared swallows the bytes after it; when that body then fails to parse, the
/// handler rewinds to a <c>Content-Length:</c> inside it (<see cref="FindHeader"/>), so the frames it swallowed are read.</item>
/// </list>
/// Content-Type is ignored: the base protocol's only encoding is UTF-8, which the body check enforces.
/// </remarks>
public static class FrameReader
{
    public const int MaxContentLength = 64 * 1024 * 1024;
    public const int MaxHeaderLength = 8 * 1024;

    private static ReadOnlySpan<byte> ContentLengthColon => "content-length:"u8;

    private static ReadOnlySpan<byte> ContentPrefix => "content-"u8;

    private static ReadOnlySpan<byte> HeaderEnd => "\r\n\r\n"u8;

    /// <summary>The bytes a header field name may hold (RFC 9110 <c>token</c>).</summary>
    private static readonly SearchValues<byte> TokenBytes =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    /// <summary>What the start of <paramref name="buffer"/> holds; <paramref name="completed"/> when no more bytes will come.</summary>
    public static Frame Read(ReadOnlySequence<byte> buffer, bool completed)
    {
        if (buffer.IsEmpty)
        {
            return completed ? new Frame(FrameKind.End, 0) : Frame.NeedMore;
        }

        // Both header names start with "Content-": anything else cannot start a frame.
        Span<byte> start = stackalloc byte[ContentPrefix.Length];
        var startLength = (int)Math.Min(buffer.Length, start.Length);
        buffer.Slice(0, startLength).CopyTo(start);
        if (!IsPrefixIgnoringCase(start[..startLength], ContentPrefix))
        {
            return Skip(buffer, completed, "not a message header");
        }

        var head = buffer.Slice(0, Math.Min(buffer.Length, MaxHeaderLength)).ToArray();
        var headerEnd = head.AsSpan().IndexOf(HeaderEnd);
        if (headerEnd < 0)
        {
            if (head.Length >= MaxHeaderLength)
            {
                return Skip(buffer, completed, $"a header section longer than {MaxHeaderLength} bytes");
            }

            return completed ? new Frame(FrameKind.End, buffer.Length, Problem: $"the input ended inside a header: {LogText.Escape(head)}") : Frame.NeedMore;
        }

        var bodyStart = headerEnd + HeaderEnd.Length;
        var (length, problem) = ParseHeader(head.AsSpan(0, headerEnd));
        if (problem is not null)
        {
            return new Frame(FrameKind.BadHeader, bodyStart, Problem: problem);
        }

        if (buffer.Length - bodyStart < length)
        {
            return completed
                ? new Frame(FrameKind.End, buffer.Length, Problem: $"the input ended {length - (buffer.Length - bodyStart)} bytes before the end of a {length}-byte message")
                : Frame.NeedMore;
        }

        return new Frame(FrameKind.Message, bodyStart + length, buffer.Slice(bodyStart, length), bodyStart);
    }

    /// <summary>The offset of the first <c>Content-Length:</c> (any case) at or after <paramref name="from"/>, or -1.</summary>
    public static long FindHeader(ReadOnlySequence<byte> bytes, long from)
    {
        if (from >= bytes.Length)
        {
            return -1;
        }

        var reader = new SequenceReader<byte>(bytes);
        reader.Advance(from);
        Span<byte> candidate = stackalloc byte[ContentLengthColon.Length];
        while (reader.TryAdvanceToAny("Cc"u8, advancePastDelimiter: false))
        {
            if (reader.TryCopyTo(candidate) && IsPrefixIgnoringCase(candidate, ContentLengthColon))
            {
                return reader.Consumed;
            }

            reader.Advance(1);
        }

        return -1;
    }

    /// <summary>Skips from the start to the next header; when there is none yet, keeps a tail that could begin one.</summary>
    private static Frame Skip(ReadOnlySequence<byte> buffer, bool completed, string reason)
    {
        var next = FindHeader(buffer, 1);
        var consumed = next > 0 ? next : buffer.Length - (completed ? 0 : PartialHeaderTail(buffer));
        Span<byte> shown = stackalloc byte[(int)Math.Min(consumed, LogText.MaxBytes + 1)];
        buffer.Slice(0, shown.Length).CopyTo(shown);
        return new Frame(FrameKind.Skipped, consumed, Problem: $"skipped {consumed} bytes ({reason}): {LogText.Escape(shown)}");
    }

    /// <summary>How many bytes at the end (never the first byte) could be the start of <c>Content-Length:</c>.</summary>
    private static int PartialHeaderTail(ReadOnlySequence<byte> buffer)
    {
        Span<byte> tail = stackalloc byte[ContentLengthColon.Length - 1];
        for (var keep = (int)Math.Min(tail.Length, buffer.Length - 1); keep > 0; keep--)
        {
            buffer.Slice(buffer.Length - keep).CopyTo(tail);
            if (IsPrefixIgnoringCase(tail[..keep], ContentLengthColon))
            {
                return keep;
            }
        }

        return 0;
    }

    /// <summary>Content-Length from the header lines (without the final empty line), or what stops them framing a message.</summary>
    private static (long Length, string? Problem) ParseHeader(ReadOnlySpan<byte> header)
    {
        long? length = null;
        foreach (var range in header.Split("\r\n"u8))
        {
            var line = header[range];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                return (0, $"a header line is not 'Name: value': {LogText.Escape(line)}");
            }

            var name = line[..colon].Trim(" \t"u8);
            var value = line[(colon + 1)..].Trim(" \t"u8);
            if (name.IsEmpty || name.IndexOfAnyExcept(TokenBytes) >= 0)
            {
                // A field name is an RFC 9110 token. A line like '{"jsonrpc":"2.0",...' is a body whose frame lost its empty
                // line: taking it for a header would make the declared length swallow the frames that follow.
                return (0, $"a header line is not 'Name: value': {LogText.Escape(line)}");
            }

            if (!name.SequenceEqual(ContentLengthColon[..^1], IgnoreAsciiCase.Instance))
            {
                continue;
            }

            if (length is not null)
            {
                return (0, "two Content-Length headers");
            }

            if (value.IsEmpty || value.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0)
            {
                return (0, $"Content-Length '{LogText.Escape(value)}' is not a byte count");
            }

            var digits = value.TrimStart((byte)'0');
            if (digits.Length > 9 || (digits.Length > 0 && long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) > MaxContentLength))
            {
                return (0, $"Content-Length {LogText.Escape(value)} is over the {MaxContentLength / (1024 * 1024)} MiB limit");
            }

            length = digits.IsEmpty ? 0 : long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        return length is { } found ? (found, null) : (0, "a header without Content-Length");
    }

    private static bool IsPrefixIgnoringCase(ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> lowerCaseNeedle) =>
        bytes.Length <= lowerCaseNeedle.Length && bytes.SequenceEqual(lowerCaseNeedle[..bytes.Length], IgnoreAsciiCase.Instance);

    /// <summary>Compares ASCII bytes ignoring case: header names are case-insensitive.</summary>
    private sealed class IgnoreAsciiCase : IEqualityComparer<byte>
    {
        public static IgnoreAsciiCase Instance { get; } = new();

        public bool Equals(byte x, byte y) => ToLower(x) == ToLower(y);

        public int GetHashCode(byte obj) => ToLower(obj);

        private static byte ToLower(byte b) => b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b;
    }
}
