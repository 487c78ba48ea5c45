using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Heal.Core.Model;

namespace Heal.Feed.Protocol;

/// <summary>
/// The one place Heal.Feed turns event JSON into an <see cref="ErrorEvent"/> and a group id, so the receiver,
/// the store and the sources agree.
/// </summary>
/// TEMPORARY: a minimal stand-in until Heal.Core's ErrorEvent.FromSentryJson and Fingerprint.Compute land.
internal static class EventParsing
{
    public static ParseResult<ErrorEvent> Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ParseResult<ErrorEvent>.Failed(new ParseProblem("$", "the event is not a JSON object."));
            }

            var problems = ImmutableArray.CreateBuilder<ParseProblem>();
            var id = Text(root, "event_id")?.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
            if (id is null || id.Length != 32)
            {
                id = Guid.NewGuid().ToString("N");
            }

            var timestamp = DateTimeOffset.UtcNow;
            if (root.TryGetProperty("timestamp", out var ts))
            {
                if (ts.ValueKind == JsonValueKind.Number)
                {
                    timestamp = DateTimeOffset.FromUnixTimeMilliseconds((long)(ts.GetDouble() * 1000));
                }
                else if (ts.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(ts.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    timestamp = parsed;
                }
                else
                {
                    problems.Add(new ParseProblem("$.timestamp", "not a timestamp."));
                }
            }

            var exceptions = ImmutableArray.CreateBuilder<ExceptionInfo>();
            if (root.TryGetProperty("exception", out var ex) && ex.ValueKind == JsonValueKind.Object && ex.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array)
            {
                foreach (var value in values.EnumerateArray())
                {
                    var frames = ImmutableArray.CreateBuilder<StackFrame>();
                    if (value.TryGetProperty("stacktrace", out var st) && st.ValueKind == JsonValueKind.Object && st.TryGetProperty("frames", out var fs) && fs.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var f in fs.EnumerateArray())
                        {
                            if (f.ValueKind != JsonValueKind.Object)
                            {
                                continue;
                            }

                            int? line = f.TryGetProperty("lineno", out var l) && l.ValueKind == JsonValueKind.Number && l.TryGetInt32(out var li) ? li : null;
                            bool? inApp = f.TryGetProperty("in_app", out var ia) && ia.ValueKind is JsonValueKind.True or JsonValueKind.False ? ia.GetBoolean() : null;
                            frames.Add(StackFrame.Create(Text(f, "filename"), Text(f, "abs_path"), Text(f, "function"), Text(f, "module"), line, null, inApp));
                        }
                    }

                    exceptions.Add(new ExceptionInfo(Text(value, "type") ?? "Error", Text(value, "value"), Text(value, "module"), null, frames.ToImmutable()));
                }
            }

            var message = Text(root, "message");
            if (message is null && root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object)
            {
                message = Text(m, "formatted") ?? Text(m, "message");
            }

            var ev = new ErrorEvent(id, timestamp, Text(root, "platform"), Text(root, "release"), Text(root, "environment"), Text(root, "server_name"),
                message, Text(root, "level"), exceptions.ToImmutable(), null, null, ImmutableDictionary<string, string>.Empty,
                ImmutableDictionary<string, string>.Empty, ImmutableArray<string>.Empty, json);
            return ParseResult<ErrorEvent>.Ok(ev, problems.ToImmutable());
        }
        catch (JsonException e)
        {
            return ParseResult<ErrorEvent>.Failed(new ParseProblem("$", e.Message));
        }
    }

    public static EventFingerprint Fingerprint(ErrorEvent errorEvent)
    {
        var culprit = errorEvent.Culprit;
        var basis = culprit is null
            ? "message:" + errorEvent.Message
            : culprit.Type + "|" + string.Join("|", culprit.InAppFrames.Select(f => f.Function));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis)));
        return new EventFingerprint(hash, hash[..16], basis);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
