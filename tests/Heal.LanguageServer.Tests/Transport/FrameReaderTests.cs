using System.Buffers;
using System.Text;
using Heal.LanguageServer.Transport;

namespace Heal.LanguageServer.Tests.Transport;

/// <summary>The framing on its own: bytes received so far in, what their start holds out. Escapes are written as in C#.</summary>
public sealed class FrameReaderTests
{
    [Theory]
    [InlineData("Content-Length: 2\r\n\r\n{}", "{}", 23)]
    [InlineData("content-length:2\r\n\r\n{}tail", "{}", 22)]
    [InlineData("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: 2\r\n\r\n{}", "{}", 80)]
    [InlineData("Content-Length: 0002\r\nX-Other: ignored\r\n\r\n{}", "{}", 44)]
    [InlineData("Content-Length: 0\r\n\r\n", "", 21)]
    public void Read_WholeFrame_MessageWithItsBody(string input, string body, long consumed)
    {
        var frame = FrameReader.Read(Bytes(input), completed: false);

        Assert.Equal(FrameKind.Message, frame.Kind);
        Assert.Equal(body, Encoding.UTF8.GetString(frame.Body));
        Assert.Equal(consumed, frame.Consumed);
    }

    [Theory]
    [InlineData("Cont")]
    [InlineData("Content-Length: 2")]
    [InlineData("Content-Length: 2\r\n\r\n{")]
    public void Read_StartOfAFrame_NeedMore(string input) =>
        Assert.Equal(FrameKind.NeedMore, FrameReader.Read(Bytes(input), completed: false).Kind);

    [Theory]
    [InlineData("Content-Length: abc\r\n\r\n", "Content-Length 'abc' is not a byte count")]
    [InlineData("Content-Length: -1\r\n\r\n", "Content-Length '-1' is not a byte count")]
    [InlineData("Content-Length: 1e3\r\n\r\n", "Content-Length '1e3' is not a byte count")]
    [InlineData("Content-Length:\r\n\r\n", "Content-Length '' is not a byte count")]
    [InlineData("Content-Length: 67108865\r\n\r\n", "Content-Length 67108865 is over the 64 MiB limit")]
    [InlineData("Content-Length: 2147483647\r\n\r\n", "Content-Length 2147483647 is over the 64 MiB limit")]
    [InlineData("Content-Length: 99999999999999999999999\r\n\r\n", "Content-Length 99999999999999999999999 is over the 64 MiB limit")]
    [InlineData("Content-Length: 1\r\nContent-Length: 1\r\n\r\n", "two Content-Length headers")]
    [InlineData("Content-Type: text/plain\r\n\r\n", "a header without Content-Length")]
    [InlineData("Content-Length 2\r\n\r\n", "a header line is not 'Name: value': Content-Length 2")]
    [InlineData("Content-Length: 2\r\n\u001b[31m\r\n\r\n", "a header line is not 'Name: value': \\x1b[31m")]
    [InlineData("Content-Length: 900\r\n{\"jsonrpc\":\"2.0\",\"id\":1}Content-Length: 2\r\n\r\n",
        "a header line is not 'Name: value': {\"jsonrpc\":\"2.0\",\"id\":1}Content-Length: 2")]
    [InlineData("Content-Length: 2\r\nX Padding: a\r\n\r\n", "a header line is not 'Name: value': X Padding: a")]
    public void Read_HeaderThatCannotFrame_BadHeaderConsumedToItsEnd(string input, string problem)
    {
        var frame = FrameReader.Read(Bytes(input), completed: false);

        Assert.Equal(FrameKind.BadHeader, frame.Kind);
        Assert.Equal(problem, frame.Problem);
        Assert.Equal(Bytes(input).Length, frame.Consumed);
    }

    [Theory]
    [InlineData("xyzContent-Length: 2\r\n\r\n{}", 3)]
    [InlineData("{\"a\":1}\r\n\r\ncontent-LENGTH: 2\r\n\r\n{}", 11)]
    [InlineData("garbage with no header", 22)]
    [InlineData("garbage ending in Conte", 18)]
    [InlineData("\r\n\r\nContent-Length: 2\r\n\r\n{}", 4)]
    public void Read_NotAHeader_SkippedToTheNextContentLengthOrAPossibleStart(string input, long skipped)
    {
        var frame = FrameReader.Read(Bytes(input), completed: false);

        Assert.Equal(FrameKind.Skipped, frame.Kind);
        Assert.Equal(skipped, frame.Consumed);
    }

    [Fact]
    public void Read_HeaderSectionOver8KiB_SkippedToTheNextContentLength()
    {
        var input = "Content-Length: 2\r\nX-Padding: " + new string('a', FrameReader.MaxHeaderLength) + "\r\nContent-Length: 2\r\n\r\n{}";

        var frame = FrameReader.Read(Bytes(input), completed: false);

        Assert.Equal(FrameKind.Skipped, frame.Kind);
        Assert.Equal(input.IndexOf("\r\nContent-Length", StringComparison.Ordinal) + 2, frame.Consumed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Content-Length: 10\r\n\r\n{}")]
    [InlineData("Content-Len")]
    public void Read_InputEnded_End(string input) =>
        Assert.Equal(FrameKind.End, FrameReader.Read(Bytes(input), completed: true).Kind);

    [Fact]
    public void Read_FrameSplitOverSegments_MessageWithItsBody()
    {
        var frame = FrameReader.Read(Segments("Conte", "nt-Length: 4\r", "\n\r\n{", "}{}"), completed: false);

        Assert.Equal(FrameKind.Message, frame.Kind);
        Assert.Equal("{}{}", Encoding.UTF8.GetString(frame.Body));
    }

    [Theory]
    [InlineData(new[] { "{\"jsonrpc\":", "\"2.0\",\"id\":1Cont", "ent-Length: 5\r\n" }, 1, 23)]
    [InlineData(new[] { "no header here, C, c, Content-Length without colon" }, 0, -1)]
    [InlineData(new[] { "Content-Length: 1" }, 0, 0)]
    [InlineData(new[] { "Content-Length: 1" }, 1, -1)]
    public void FindHeader_AcrossSegments_OffsetOfTheFirstAtOrAfterFrom(string[] segments, long from, long expected) =>
        Assert.Equal(expected, FrameReader.FindHeader(Segments(segments), from));

    private static ReadOnlySequence<byte> Bytes(string text) => new(Encoding.UTF8.GetBytes(text));

    private static ReadOnlySequence<byte> Segments(params string[] parts)
    {
        var first = new Segment(Encoding.UTF8.GetBytes(parts[0]), 0);
        var last = first;
        foreach (var part in parts.Skip(1))
        {
            last = last.Append(Encoding.UTF8.GetBytes(part));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] bytes, long runningIndex)
        {
            Memory = bytes;
            RunningIndex = runningIndex;
        }

        public Segment Append(byte[] bytes)
        {
            var next = new Segment(bytes, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
