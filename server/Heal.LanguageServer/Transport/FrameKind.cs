namespace Heal.LanguageServer.Transport;

/// <summary>What <see cref="FrameReader.Read"/> found at the start of the bytes received so far.</summary>
public enum FrameKind
{
    /// <summary>The start of a frame, not all of it yet: wait for more bytes.</summary>
    NeedMore,

    /// <summary>A whole frame: its header and exactly Content-Length bytes of body.</summary>
    Message,

    /// <summary>Bytes that are not a header: skipped up to the next <c>Content-Length:</c> (logged, not answered).</summary>
    Skipped,

    /// <summary>A header section that cannot frame a message (answered with a parse error); its body, if any, is skipped next.</summary>
    BadHeader,

    /// <summary>The input ended; nothing more will come.</summary>
    End,
}
