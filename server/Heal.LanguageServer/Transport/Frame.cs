using System.Buffers;

namespace Heal.LanguageServer.Transport;

/// <summary>
/// One step of reading the input: what the bytes at its start are, how many of them to consume (offsets from the start of
/// the buffer given to <see cref="FrameReader.Read"/>), the body of a <see cref="FrameKind.Message"/>, and what was wrong
/// for the other kinds.
/// </summary>
public readonly record struct Frame(FrameKind Kind, long Consumed, ReadOnlySequence<byte> Body = default, long BodyStart = 0, string? Problem = null)
{
    public static Frame NeedMore { get; } = new(FrameKind.NeedMore, 0);
}
