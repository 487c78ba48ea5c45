using System.Collections.Immutable;
using System.Text;
using Heal.Core.Model;

namespace Heal.Core.Scrubbing;

/// <summary>
/// Scrubs an <see cref="ErrorEvent"/> already parsed, with the same rules as <see cref="EventJsonScrubber"/>, so whatever
/// the source (the feed, a JSON-lines file, a Sentry import, a pasted trace) nothing secret reaches a model's prompt:
/// messages, request URL, query, body and headers, tags, contexts, frame variables, fingerprint parts and the raw JSON.
/// Exception types, frames' files, functions, modules and lines are kept.
/// </summary>
public static class EventScrubber
{
    /// <summary>The event with every secret replaced by <c>[Filtered]</c>; the same instance when there was none.</summary>
    public static ErrorEvent Scrub(ErrorEvent errorEvent, ScrubOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(errorEvent);
        options ??= ScrubOptions.Default;
        var scrubbed = errorEvent with
        {
            Message = Text(errorEvent.Message, options),
            Exceptions = Map(errorEvent.Exceptions, e => Exception(e, options)),
            Request = errorEvent.Request is { } request ? Request(request, options) : null,
            Tags = Pairs(errorEvent.Tags, options),
            Contexts = Contexts(errorEvent.Contexts, options),
            SdkFingerprint = Map(errorEvent.SdkFingerprint, p => TextScrubber.Scrub(p, options)),
            RawJson = Json(errorEvent.RawJson, options, isEvent: true),
            Stacktrace = Map(errorEvent.Stacktrace, f => Frame(f, options)),
        };
        return Same(scrubbed, errorEvent) ? errorEvent : scrubbed;
    }

    private static bool Same(ErrorEvent a, ErrorEvent b) =>
        ReferenceEquals(a.Message, b.Message) && a.Exceptions == b.Exceptions && ReferenceEquals(a.Request, b.Request) && a.Tags == b.Tags
        && a.Contexts == b.Contexts && a.SdkFingerprint == b.SdkFingerprint && ReferenceEquals(a.RawJson, b.RawJson) && a.Stacktrace == b.Stacktrace;

    private static string? Text(string? text, ScrubOptions options) => text is null ? null : TextScrubber.Scrub(text, options);

    private static ExceptionInfo Exception(ExceptionInfo exception, ScrubOptions options)
    {
        var value = Text(exception.Value, options);
        var frames = Map(exception.Frames, f => Frame(f, options));
        return ReferenceEquals(value, exception.Value) && frames == exception.Frames ? exception : exception with { Value = value, Frames = frames };
    }

    private static StackFrame Frame(StackFrame frame, ScrubOptions options)
    {
        var vars = Pairs(frame.Vars, options);
        return vars == frame.Vars ? frame : frame with { Vars = vars };
    }

    private static RequestInfo Request(RequestInfo request, ScrubOptions options)
    {
        var scrubbed = request with
        {
            Url = Text(request.Url, options),
            QueryString = Text(request.QueryString, options),
            Data = request.Data is { } data ? Json(data, options, isEvent: false) is { } json && !ReferenceEquals(json, data) ? json : TextScrubber.Scrub(data, options) : null,
            Headers = Pairs(request.Headers, options),
        };
        return ReferenceEquals(scrubbed.Url, request.Url) && ReferenceEquals(scrubbed.QueryString, request.QueryString)
            && ReferenceEquals(scrubbed.Data, request.Data) && scrubbed.Headers == request.Headers ? request : scrubbed;
    }

    /// <summary>A secret key's value becomes <c>[Filtered]</c>; other values are scrubbed as text.</summary>
    private static ImmutableDictionary<string, string> Pairs(ImmutableDictionary<string, string> pairs, ScrubOptions options)
    {
        if (pairs.IsEmpty)
        {
            return pairs;
        }

        ImmutableDictionary<string, string>.Builder? builder = null;
        foreach (var (key, value) in pairs)
        {
            var scrubbed = options.IsSecretKey(key) ? (value.Length == 0 ? value : TextScrubber.Filtered) : TextScrubber.Scrub(value, options);
            if (!string.Equals(scrubbed, value, StringComparison.Ordinal))
            {
                builder ??= pairs.ToBuilder();
                builder[key] = scrubbed;
            }
        }

        return builder is null ? pairs : builder.ToImmutable();
    }

    private static ImmutableDictionary<string, string> Contexts(ImmutableDictionary<string, string> contexts, ScrubOptions options)
    {
        ImmutableDictionary<string, string>.Builder? builder = null;
        foreach (var (name, json) in contexts)
        {
            var scrubbed = Json(json, options, isEvent: false)!;
            if (!ReferenceEquals(scrubbed, json))
            {
                builder ??= contexts.ToBuilder();
                builder[name] = scrubbed;
            }
        }

        return builder is null ? contexts : builder.ToImmutable();
    }

    /// <summary>Scrubbed JSON text; the same instance when nothing changed or it is not JSON.</summary>
    private static string? Json(string? json, ScrubOptions options, bool isEvent)
    {
        if (json is null)
        {
            return null;
        }

        var utf8 = Encoding.UTF8.GetBytes(json);
        var scrubbed = isEvent ? EventJsonScrubber.ScrubEvent(utf8, options) : EventJsonScrubber.ScrubValue(utf8, options);
        return scrubbed is null ? json : Encoding.UTF8.GetString(scrubbed.ToArray(utf8));
    }

    private static ImmutableArray<T> Map<T>(ImmutableArray<T> items, Func<T, T> map)
        where T : class
    {
        if (items.IsDefaultOrEmpty)
        {
            return items;
        }

        ImmutableArray<T>.Builder? builder = null;
        for (var i = 0; i < items.Length; i++)
        {
            var mapped = map(items[i]);
            if (!ReferenceEquals(mapped, items[i]) && builder is null)
            {
                builder = ImmutableArray.CreateBuilder<T>(items.Length);
                builder.AddRange(items, i);
            }

            builder?.Add(mapped);
        }

        return builder is null ? items : builder.MoveToImmutable();
    }
}
