using Heal.Core.Grouping;
using Heal.Core.Parsing;

namespace Heal.Core.Model;

/// <summary>
/// What a store keeps about an event beside its JSON, and what groups it: the columns of an error group and the
/// fingerprint. The feed reads it straight from the event's bytes (<see cref="FromSentryJson"/>, no
/// <see cref="ErrorEvent"/> built); <see cref="FromEvent"/> is the same projection of a fully parsed event, and a property
/// test holds the two equal.
/// </summary>
/// <param name="Type">The culprit exception's type, or <c>message</c> for an event without exceptions.</param>
/// <param name="Message">The culprit's message, else the event's.</param>
/// <param name="TopFrame">The throwing in-app frame (file, path, function, module, line, column, in-app only), or null.</param>
public sealed record EventSummary(
    string Id,
    DateTimeOffset Timestamp,
    string? Release,
    string Type,
    string? Message,
    StackFrame? TopFrame,
    Fingerprint Fingerprint)
{
    /// <summary>Reads only what the summary needs from a Sentry event payload (valid UTF-8), within the parser's limits.</summary>
    public static ParseResult<EventSummary> FromSentryJson(ReadOnlySpan<byte> utf8, DateTimeOffset receivedAt) =>
        SentryEventSummaryReader.Read(utf8, receivedAt);

    /// <summary>The summary of an event the full parser read.</summary>
    public static EventSummary FromEvent(ErrorEvent errorEvent)
    {
        ArgumentNullException.ThrowIfNull(errorEvent);
        var culprit = errorEvent.Culprit;
        return new EventSummary(
            errorEvent.Id,
            errorEvent.Timestamp,
            errorEvent.Release,
            culprit?.Type ?? "message",
            culprit?.Value ?? errorEvent.Message,
            StoredColumns(TopInAppFrame(culprit)),
            Fingerprint.Compute(errorEvent));
    }

    /// <summary>
    /// The throwing in-app frame; when the SDK marked no frame in-app (unmarked, or all marked as library code, as SDKs run
    /// outside their project root do), the throwing frame, as Sentry falls back to the full stack.
    /// </summary>
    public static StackFrame? TopInAppFrame(ExceptionInfo? exception) => exception?.ThrowingFrame;

    private static StackFrame? StoredColumns(StackFrame? frame) =>
        frame is null ? null : StackFrame.Create(frame.File, frame.AbsolutePath, frame.Function, frame.Module, frame.Line, frame.Column, frame.InApp);
}
