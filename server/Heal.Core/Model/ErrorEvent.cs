using System.Collections.Immutable;
using Heal.Core.Parsing;

namespace Heal.Core.Model;

/// <summary>
/// One occurrence of an error. Built only by named factories (<c>ErrorEvent.FromSentryJson</c>,
/// <c>ErrorEvent.FromStackTraceText</c>). Every string in it is untrusted data written by whoever could reach the app.
/// </summary>
/// <param name="Id">32 lowercase hex digits (Sentry's <c>event_id</c>), generated when the SDK sent none.</param>
/// <param name="Exceptions">The chain in Sentry order: the innermost cause first, the top-level exception last.</param>
/// <param name="Contexts">Each context (os, runtime, device, …) as its raw JSON text.</param>
/// <param name="RawJson">The event JSON exactly as received, or null for pasted stack traces.</param>
public sealed record ErrorEvent(
    string Id,
    DateTimeOffset Timestamp,
    string? Platform,
    string? Release,
    string? Environment,
    string? ServerName,
    string? Message,
    string? Level,
    ImmutableArray<ExceptionInfo> Exceptions,
    RequestInfo? Request,
    UserInfo? User,
    ImmutableDictionary<string, string> Tags,
    ImmutableDictionary<string, string> Contexts,
    ImmutableArray<string> SdkFingerprint,
    string? RawJson)
{
    /// <summary>
    /// Frames of a message-only event (Sentry's event-level <c>stacktrace</c>, or the crashed/current thread's),
    /// in Sentry order; empty when the event has exceptions, whose frames live on each <see cref="ExceptionInfo"/>.
    /// </summary>
    public ImmutableArray<StackFrame> Stacktrace { get; init; } = ImmutableArray<StackFrame>.Empty;

    /// <summary>Reads a Sentry event payload. <paramref name="receivedAt"/> stands in for a missing timestamp (default: the Unix epoch).</summary>
    public static ParseResult<ErrorEvent> FromSentryJson(string json, DateTimeOffset? receivedAt = null) =>
        SentryEventJson.Parse(json, receivedAt);

    /// <inheritdoc cref="FromSentryJson(string, DateTimeOffset?)"/>
    public static ParseResult<ErrorEvent> FromSentryJson(ReadOnlySpan<byte> utf8, DateTimeOffset? receivedAt = null) =>
        SentryEventJson.Parse(utf8, receivedAt);

    /// <summary>Reads a stack trace pasted as text (.NET, Node, Python, Java, Go, Ruby); see <see cref="StackTraceText"/>.</summary>
    public static ParseResult<ErrorEvent> FromStackTraceText(string text) => StackTraceText.Parse(text);

    /// <summary>The exception users see: the top-level one (last in Sentry order), or null for a message-only event.</summary>
    public ExceptionInfo? Primary => Exceptions.IsDefaultOrEmpty ? null : Exceptions[^1];

    /// <summary>The innermost cause (first in Sentry order): where the crash started.</summary>
    public ExceptionInfo? RootCause => Exceptions.IsDefaultOrEmpty ? null : Exceptions[0];

    /// <summary>The exception whose frames locate the bug: the innermost one that has frames.</summary>
    public ExceptionInfo? Culprit =>
        Exceptions.IsDefaultOrEmpty ? null : Exceptions.FirstOrDefault(e => !e.Frames.IsDefaultOrEmpty) ?? Exceptions[0];
}
