using System.Globalization;
using System.Text;
using System.Text.Json;
using Heal.Core.Model;

namespace Heal.Feed.Sources;

/// <summary>
/// Turns the Sentry Web API's documented shapes into Heal's: an issue of <c>GET /api/0/projects/{org}/{project}/issues/</c>
/// into an <see cref="ErrorGroup"/>, and an event of <c>GET /api/0/issues/{id}/events/latest/</c> (<c>entries[]</c>,
/// <c>tags</c> as <c>[{key, value}]</c>, camel-case frames with <c>context</c> as <c>[[line, text]]</c>) back into the
/// Sentry event JSON that SDKs send, so that one parser reads both.
/// </summary>
internal static class SentryApiMapping
{
    /// <summary>The issue as a group whose id is Sentry's issue id; null when the issue has no id.</summary>
    public static ErrorGroup? ToGroup(JsonElement issue)
    {
        if (issue.ValueKind != JsonValueKind.Object || Text(issue, "id") is not { Length: > 0 } id)
        {
            return null;
        }

        var metadata = issue.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var title = Text(issue, "title");
        var type = Text(metadata, "type") ?? title ?? "error";
        var message = Text(metadata, "value") ?? title;
        var file = Text(metadata, "filename");
        var function = Text(metadata, "function");
        var topFrame = file is null && function is null ? null : StackFrame.Create(file: file, function: function, inApp: true);
        var firstSeen = Date(issue, "firstSeen") ?? DateTimeOffset.UnixEpoch;
        var lastSeen = Date(issue, "lastSeen") ?? firstSeen;
        var release = issue.TryGetProperty("lastRelease", out var r) && r.ValueKind == JsonValueKind.Object ? Text(r, "version") : null;
        return new ErrorGroup(id, "sentry-issue:" + id, type, message, Number(issue, "count") ?? 0, firstSeen, lastSeen, release,
            Status(Text(issue, "status"), Text(issue, "substatus")), topFrame, null);
    }

    public static GroupStatus Status(string? status, string? substatus) => (status, substatus) switch
    {
        (_, "regressed") => GroupStatus.Regressed,
        ("resolved" or "resolvedInNextRelease", _) => GroupStatus.Resolved,
        ("ignored" or "muted", _) => GroupStatus.Muted,
        _ => GroupStatus.Open,
    };

    /// <summary>The API's event rewritten as the event JSON an SDK would have sent; null when it is not a JSON object.</summary>
    public static string? ToEventJson(JsonElement apiEvent)
    {
        if (apiEvent.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var tags = Tags(apiEvent);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            WriteString(w, "event_id", Text(apiEvent, "eventID") ?? Text(apiEvent, "id"));
            WriteString(w, "timestamp", Text(apiEvent, "dateCreated") ?? Text(apiEvent, "dateReceived"));
            WriteString(w, "platform", Text(apiEvent, "platform"));
            WriteString(w, "level", tags.GetValueOrDefault("level"));
            WriteString(w, "release", ReleaseVersion(apiEvent) ?? tags.GetValueOrDefault("release"));
            WriteString(w, "dist", Text(apiEvent, "dist"));
            WriteString(w, "environment", tags.GetValueOrDefault("environment"));
            WriteString(w, "server_name", tags.GetValueOrDefault("server_name"));
            WriteString(w, "message", Message(apiEvent));
            if (tags.Count > 0)
            {
                w.WriteStartObject("tags");
                foreach (var (key, value) in tags)
                {
                    w.WriteString(key, value);
                }

                w.WriteEndObject();
            }

            CopyObject(w, apiEvent, "user", "user");
            CopyObject(w, apiEvent, "contexts", "contexts");
            CopyObject(w, apiEvent, "sdk", "sdk");
            foreach (var entry in Entries(apiEvent))
            {
                switch (Text(entry, "type"))
                {
                    case "exception" when entry.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object:
                        WriteExceptions(w, data);
                        break;
                    case "request" when entry.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object:
                        WriteRequest(w, data);
                        break;
                }
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteExceptions(Utf8JsonWriter w, JsonElement data)
    {
        if (!data.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        w.WriteStartObject("exception");
        w.WriteStartArray("values");
        foreach (var value in values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Object))
        {
            w.WriteStartObject();
            WriteString(w, "type", Text(value, "type"));
            WriteString(w, "value", Text(value, "value"));
            WriteString(w, "module", Text(value, "module"));
            CopyObject(w, value, "mechanism", "mechanism");
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

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteFrame(Utf8JsonWriter w, JsonElement frame)
    {
        w.WriteStartObject();
        WriteString(w, "filename", Text(frame, "filename"));
        WriteString(w, "abs_path", Text(frame, "absPath") ?? Text(frame, "abs_path"));
        WriteString(w, "function", Text(frame, "function"));
        WriteString(w, "module", Text(frame, "module"));
        WriteString(w, "package", Text(frame, "package"));
        WriteString(w, "platform", Text(frame, "platform"));
        var line = Number(frame, "lineNo") ?? Number(frame, "lineno");
        if (line is { } l)
        {
            w.WriteNumber("lineno", l);
        }

        if ((Number(frame, "colNo") ?? Number(frame, "colno")) is { } column)
        {
            w.WriteNumber("colno", column);
        }

        if ((Bool(frame, "inApp") ?? Bool(frame, "in_app")) is { } inApp)
        {
            w.WriteBoolean("in_app", inApp);
        }

        CopyObject(w, frame, "vars", "vars");
        if (line is { } at && frame.TryGetProperty("context", out var context) && context.ValueKind == JsonValueKind.Array)
        {
            WriteContext(w, context, at);
        }

        w.WriteEndObject();
    }

    /// <summary>The API's <c>[[line, text], …]</c> split around the frame's line into the SDK's three context fields.</summary>
    private static void WriteContext(Utf8JsonWriter w, JsonElement context, long line)
    {
        var before = new List<string>();
        var after = new List<string>();
        string? current = null;
        foreach (var pair in context.EnumerateArray())
        {
            if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2 || pair[0].ValueKind != JsonValueKind.Number
                || !pair[0].TryGetInt64(out var number) || pair[1].ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var text = pair[1].GetString() ?? "";
            if (number < line)
            {
                before.Add(text);
            }
            else if (number == line)
            {
                current = text;
            }
            else
            {
                after.Add(text);
            }
        }

        WriteStrings(w, "pre_context", before);
        WriteString(w, "context_line", current);
        WriteStrings(w, "post_context", after);
    }

    private static void WriteRequest(Utf8JsonWriter w, JsonElement data)
    {
        w.WriteStartObject("request");
        WriteString(w, "url", Text(data, "url"));
        WriteString(w, "method", Text(data, "method"));
        if (data.TryGetProperty("query", out var query))
        {
            WriteString(w, "query_string", query.ValueKind == JsonValueKind.String ? query.GetString() : JoinPairs(query));
        }

        if (data.TryGetProperty("data", out var body) && body.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            WriteString(w, "data", body.ValueKind == JsonValueKind.String ? body.GetString() : body.GetRawText());
        }

        if (data.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Array)
        {
            w.WriteStartObject("headers");
            foreach (var (name, value) in Pairs(headers))
            {
                w.WriteString(name, value);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static IEnumerable<JsonElement> Entries(JsonElement apiEvent) =>
        apiEvent.TryGetProperty("entries", out var entries) && entries.ValueKind == JsonValueKind.Array
            ? entries.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
            : [];

    /// <summary>The event's message: the top-level <c>message</c>, else the <c>message</c> entry's formatted text.</summary>
    private static string? Message(JsonElement apiEvent)
    {
        if (Text(apiEvent, "message") is { Length: > 0 } message)
        {
            return message;
        }

        var entry = Entries(apiEvent).FirstOrDefault(e => Text(e, "type") == "message");
        return entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("data", out var data)
            ? Text(data, "formatted") ?? Text(data, "message")
            : null;
    }

    private static string? ReleaseVersion(JsonElement apiEvent) =>
        apiEvent.TryGetProperty("release", out var release) ? release.ValueKind switch
        {
            JsonValueKind.Object => Text(release, "version"),
            JsonValueKind.String => release.GetString(),
            _ => null,
        } : null;

    /// <summary>The API's <c>[{"key": …, "value": …}]</c> tags (or an SDK-style object) as a dictionary; later keys win.</summary>
    private static Dictionary<string, string> Tags(JsonElement apiEvent)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!apiEvent.TryGetProperty("tags", out var list))
        {
            return tags;
        }

        if (list.ValueKind == JsonValueKind.Array)
        {
            foreach (var tag in list.EnumerateArray())
            {
                if (tag.ValueKind == JsonValueKind.Object && Text(tag, "key") is { } key && Text(tag, "value") is { } value)
                {
                    tags[key] = value;
                }
                else if (tag.ValueKind == JsonValueKind.Array)
                {
                    foreach (var (k, v) in Pairs(list))
                    {
                        tags[k] = v;
                    }

                    break;
                }
            }
        }
        else if (list.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in list.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
            {
                tags[property.Name] = property.Value.GetString()!;
            }
        }

        return tags;
    }

    private static IEnumerable<(string Name, string Value)> Pairs(JsonElement array)
    {
        foreach (var pair in array.EnumerateArray())
        {
            if (pair.ValueKind == JsonValueKind.Array && pair.GetArrayLength() == 2
                && pair[0].ValueKind == JsonValueKind.String && pair[1].ValueKind == JsonValueKind.String)
            {
                yield return (pair[0].GetString()!, pair[1].GetString()!);
            }
        }
    }

    private static string? JoinPairs(JsonElement query) =>
        query.ValueKind == JsonValueKind.Array
            ? string.Join("&", Pairs(query).Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value)))
            : null;

    private static void CopyObject(Utf8JsonWriter w, JsonElement from, string name, string to)
    {
        if (from.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object)
        {
            w.WritePropertyName(to);
            value.WriteTo(w);
        }
    }

    private static void WriteString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, List<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>A whole number sent as a JSON number or as a string (Sentry sends <c>count</c> as a string).</summary>
    private static long? Number(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    private static bool? Bool(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;

    private static DateTimeOffset? Date(JsonElement element, string name) =>
        Text(element, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : null;
}
