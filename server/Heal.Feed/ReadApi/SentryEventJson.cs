using System.Globalization;
using System.Text.Json;

namespace Heal.Feed.ReadApi;

/// <summary>
/// A stored event (the JSON an SDK sent) written as Sentry's Web API returns it from
/// <c>GET /api/0/issues/{id}/events/latest/</c>: <c>eventID</c>, <c>dateCreated</c>, <c>tags</c> as <c>[{key, value}]</c>,
/// and <c>entries[]</c> of type exception (camel-case frames, <c>context</c> as <c>[[line, text]]</c>), request and message.
/// The inverse of the importer's <c>SentryApiMapping.ToEventJson</c>, which a round-trip test holds it to.
/// </summary>
/// <remarks>Values are copied as data: nothing in the event is interpreted beyond its shape.</remarks>
public static class SentryEventJson
{
    public static void Write(Utf8JsonWriter w, JsonElement sdkEvent, string groupId, DateTimeOffset receivedAt, long size)
    {
        var id = Text(sdkEvent, "event_id")?.Replace("-", "", StringComparison.Ordinal);
        var message = Message(sdkEvent);
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("eventID", id);
        w.WriteString("groupID", groupId);
        w.WriteString("type", "error");
        w.WriteString("platform", Text(sdkEvent, "platform"));
        w.WriteString("message", message ?? "");
        w.WriteString("title", Title(sdkEvent) ?? message ?? "");
        w.WriteString("dateCreated", DateCreated(sdkEvent) ?? SentryIssueJson.Iso(receivedAt));
        w.WriteString("dateReceived", SentryIssueJson.Iso(receivedAt));
        w.WriteString("dist", Text(sdkEvent, "dist"));
        if (Text(sdkEvent, "release") is { } release)
        {
            w.WriteStartObject("release");
            w.WriteString("version", release);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("release");
        }

        w.WriteNumber("size", size);
        w.WriteStartArray("errors");
        w.WriteEndArray();
        WriteTags(w, sdkEvent);
        Copy(w, sdkEvent, "user");
        Copy(w, sdkEvent, "contexts");
        Copy(w, sdkEvent, "sdk");
        w.WriteStartArray("entries");
        WriteExceptionEntry(w, sdkEvent);
        WriteRequestEntry(w, sdkEvent);
        if (message is not null)
        {
            w.WriteStartObject();
            w.WriteString("type", "message");
            w.WriteStartObject("data");
            w.WriteString("formatted", message);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteTags(Utf8JsonWriter w, JsonElement e)
    {
        var tags = new List<(string Key, string Value)>();
        foreach (var name in (string[])["level", "environment", "release", "server_name"])
        {
            if (Text(e, name) is { } value)
            {
                tags.Add((name, value));
            }
        }

        if (e.TryGetProperty("tags", out var sent))
        {
            if (sent.ValueKind == JsonValueKind.Object)
            {
                tags.AddRange(sent.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).Select(p => (p.Name, p.Value.GetString()!)));
            }
            else if (sent.ValueKind == JsonValueKind.Array)
            {
                tags.AddRange(Pairs(sent));
            }
        }

        w.WriteStartArray("tags");
        foreach (var (key, value) in tags.DistinctBy(t => t.Key))
        {
            w.WriteStartObject();
            w.WriteString("key", key);
            w.WriteString("value", value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteExceptionEntry(Utf8JsonWriter w, JsonElement e)
    {
        if (!e.TryGetProperty("exception", out var exception))
        {
            return;
        }

        var values = exception.ValueKind == JsonValueKind.Array ? exception
            : exception.ValueKind == JsonValueKind.Object && exception.TryGetProperty("values", out var v) && v.ValueKind == JsonValueKind.Array ? v
            : default;
        if (values.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        w.WriteStartObject();
        w.WriteString("type", "exception");
        w.WriteStartObject("data");
        w.WriteStartArray("values");
        foreach (var value in values.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.Object))
        {
            w.WriteStartObject();
            w.WriteString("type", Text(value, "type"));
            w.WriteString("value", Text(value, "value"));
            w.WriteString("module", Text(value, "module"));
            Copy(w, value, "mechanism");
            if (value.TryGetProperty("stacktrace", out var stacktrace) && stacktrace.ValueKind == JsonValueKind.Object
                && stacktrace.TryGetProperty("frames", out var frames) && frames.ValueKind == JsonValueKind.Array)
            {
                w.WriteStartObject("stacktrace");
                w.WriteStartArray("frames");
                foreach (var frame in frames.EnumerateArray().Where(f => f.ValueKind == JsonValueKind.Object))
                {
                    WriteFrame(w, frame);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("stacktrace");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteFrame(Utf8JsonWriter w, JsonElement frame)
    {
        var line = Number(frame, "lineno");
        w.WriteStartObject();
        w.WriteString("filename", Text(frame, "filename"));
        w.WriteString("absPath", Text(frame, "abs_path"));
        w.WriteString("function", Text(frame, "function"));
        w.WriteString("module", Text(frame, "module"));
        w.WriteString("package", Text(frame, "package"));
        w.WriteString("platform", Text(frame, "platform"));
        WriteNumber(w, "lineNo", line);
        WriteNumber(w, "colNo", Number(frame, "colno"));
        if (frame.TryGetProperty("in_app", out var inApp) && inApp.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            w.WriteBoolean("inApp", inApp.GetBoolean());
        }
        else
        {
            w.WriteNull("inApp");
        }

        if (!Copy(w, frame, "vars"))
        {
            w.WriteNull("vars");
        }

        w.WriteStartArray("context");
        if (line is { } at)
        {
            var before = Strings(frame, "pre_context");
            for (var i = 0; i < before.Count; i++)
            {
                WriteContextLine(w, at - before.Count + i, before[i]);
            }

            if (Text(frame, "context_line") is { } current)
            {
                WriteContextLine(w, at, current);
            }

            var after = Strings(frame, "post_context");
            for (var i = 0; i < after.Count; i++)
            {
                WriteContextLine(w, at + 1 + i, after[i]);
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteContextLine(Utf8JsonWriter w, long line, string text)
    {
        w.WriteStartArray();
        w.WriteNumberValue(line);
        w.WriteStringValue(text);
        w.WriteEndArray();
    }

    private static void WriteRequestEntry(Utf8JsonWriter w, JsonElement e)
    {
        if (!e.TryGetProperty("request", out var request) || request.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        w.WriteStartObject();
        w.WriteString("type", "request");
        w.WriteStartObject("data");
        w.WriteString("url", Text(request, "url"));
        w.WriteString("method", Text(request, "method"));
        w.WriteStartArray("query");
        foreach (var (name, value) in QueryPairs(request))
        {
            WritePair(w, name, value);
        }

        w.WriteEndArray();
        if (request.TryGetProperty("data", out var data))
        {
            w.WritePropertyName("data");
            data.WriteTo(w);
        }

        w.WriteStartArray("headers");
        if (request.TryGetProperty("headers", out var headers))
        {
            var pairs = headers.ValueKind == JsonValueKind.Object
                ? headers.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).Select(p => (p.Name, p.Value.GetString()!))
                : headers.ValueKind == JsonValueKind.Array ? Pairs(headers) : [];
            foreach (var (name, value) in pairs)
            {
                WritePair(w, name, value);
            }
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static IEnumerable<(string, string)> QueryPairs(JsonElement request)
    {
        if (!request.TryGetProperty("query_string", out var query))
        {
            return [];
        }

        return query.ValueKind switch
        {
            JsonValueKind.String => query.GetString()!.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2))
                .Select(p => (Unescape(p[0]), p.Length > 1 ? Unescape(p[1]) : "")),
            JsonValueKind.Object => query.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).Select(p => (p.Name, p.Value.GetString()!)),
            JsonValueKind.Array => Pairs(query),
            _ => [],
        };
    }

    private static string Unescape(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return text;
        }
    }

    private static void WritePair(Utf8JsonWriter w, string name, string value)
    {
        w.WriteStartArray();
        w.WriteStringValue(name);
        w.WriteStringValue(value);
        w.WriteEndArray();
    }

    /// <summary>The event's message: a string <c>message</c>, else <c>message.formatted</c> / <c>logentry.formatted</c> (or their <c>message</c>).</summary>
    private static string? Message(JsonElement e)
    {
        foreach (var name in (string[])["message", "logentry"])
        {
            if (!e.TryGetProperty(name, out var value))
            {
                continue;
            }

            if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text)
            {
                return text;
            }

            if (value.ValueKind == JsonValueKind.Object && (Text(value, "formatted") ?? Text(value, "message")) is { Length: > 0 } formatted)
            {
                return formatted;
            }
        }

        return null;
    }

    private static string? Title(JsonElement e)
    {
        if (!e.TryGetProperty("exception", out var exception))
        {
            return null;
        }

        var values = exception.ValueKind == JsonValueKind.Object && exception.TryGetProperty("values", out var v) ? v : exception;
        if (values.ValueKind != JsonValueKind.Array || values.GetArrayLength() == 0)
        {
            return null;
        }

        var last = values[values.GetArrayLength() - 1];
        var type = Text(last, "type");
        var value = Text(last, "value");
        return type is null ? value : value is null ? type : $"{type}: {value}";
    }

    private static string? DateCreated(JsonElement e)
    {
        if (!e.TryGetProperty("timestamp", out var timestamp))
        {
            return null;
        }

        if (timestamp.ValueKind == JsonValueKind.String)
        {
            return timestamp.GetString();
        }

        return timestamp.ValueKind == JsonValueKind.Number && timestamp.TryGetDouble(out var seconds) && seconds is > 0 and < 1e11
            ? SentryIssueJson.Iso(DateTimeOffset.UnixEpoch.AddTicks((long)(seconds * TimeSpan.TicksPerSecond)))
            : null;
    }

    private static IEnumerable<(string, string)> Pairs(JsonElement array) =>
        array.EnumerateArray()
            .Where(p => p.ValueKind == JsonValueKind.Array && p.GetArrayLength() == 2 && p[0].ValueKind == JsonValueKind.String && p[1].ValueKind == JsonValueKind.String)
            .Select(p => (p[0].GetString()!, p[1].GetString()!));

    private static List<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];

    private static bool Copy(Utf8JsonWriter w, JsonElement from, string name)
    {
        if (from.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object)
        {
            w.WritePropertyName(name);
            value.WriteTo(w);
            return true;
        }

        return false;
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } number)
        {
            w.WriteNumber(name, number);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static long? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;
}
