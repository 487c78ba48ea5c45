using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Heal.Core.Model;

namespace Heal.Core.Parsing;

/// <summary>
/// Reads a Sentry event payload (the JSON of an envelope's <c>event</c> item or of a legacy <c>store</c> request)
/// into an <see cref="ErrorEvent"/>. Accepts every variant the official SDKs send (.NET, Node, Python, Go, Ruby)
/// and never throws: wrong types, bad values and oversized input become <see cref="ParseProblem"/>s.
/// </summary>
/// <remarks>
/// The payload is untrusted. Every collection and string is capped so that one hostile event cannot make the
/// store, the grouping or an LLM prompt grow without bound; each cut is reported as a problem.
/// </remarks>
public static partial class SentryEventJson
{
    public const int MaxDepth = 64;
    public const int MaxStringLength = 8 * 1024;
    public const int MaxExceptions = 20;
    public const int MaxFramesNearCrash = 250;
    public const int MaxFramesOutermost = 10;
    public const int MaxContextLines = 50;
    public const int MaxVars = 100;
    public const int MaxTags = 200;
    public const int MaxHeaders = 100;
    public const int MaxContexts = 50;
    public const int MaxContextJsonLength = 64 * 1024;
    public const int MaxFingerprintParts = 32;

    public static ParseResult<ErrorEvent> Parse(string json, DateTimeOffset? receivedAt = null)
    {
        if (json is null)
        {
            return ParseResult<ErrorEvent>.Failed(new ParseProblem("$", "There is no event text."));
        }

        // Lone surrogates become U+FFFD here; the JSON reader then sees valid UTF-8.
        var utf8 = Encoding.UTF8.GetBytes(json);
        return Parse(utf8, json, receivedAt ?? DateTimeOffset.UnixEpoch);
    }

    public static ParseResult<ErrorEvent> Parse(ReadOnlySpan<byte> utf8, DateTimeOffset? receivedAt = null)
    {
        var text = Encoding.UTF8.GetString(utf8);
        if (FirstInvalidUtf8(utf8) is not { } offset)
        {
            return Parse(utf8, text, receivedAt ?? DateTimeOffset.UnixEpoch);
        }

        // The JSON reader validates UTF-8 only when a string is read; repairing up front keeps the event,
        // where one bad byte in a local variable would otherwise lose it.
        var repaired = Parse(Encoding.UTF8.GetBytes(text), text, receivedAt ?? DateTimeOffset.UnixEpoch);
        var problem = new ParseProblem($"byte {offset}", "The payload is not valid UTF-8; invalid bytes were replaced by U+FFFD.");
        return repaired with { Problems = repaired.Problems.Insert(0, problem) };
    }

    private static int? FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8))
        {
            return null;
        }

        var offset = 0;
        while (offset < utf8.Length)
        {
            if (Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }

    private static ParseResult<ErrorEvent> Parse(ReadOnlySpan<byte> utf8, string rawJson, DateTimeOffset receivedAt)
    {
        JsonDocument document;
        byte[] bytes;
        try
        {
            // One copy serves the document and the id hash; the span itself cannot outlive this call.
            bytes = utf8.ToArray();
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException exception)
        {
            var where = exception.LineNumber is { } line
                ? $"line {line + 1}, byte {exception.BytePositionInLine + 1}"
                : "$";
            return ParseResult<ErrorEvent>.Failed(new ParseProblem(where, DescribeJsonError(exception)));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return ParseResult<ErrorEvent>.Failed(new ParseProblem("$", $"The event is a JSON {Kind(document.RootElement)}, not an object."));
            }

            var reader = new Reader(rawJson, bytes, receivedAt);
            try
            {
                var errorEvent = reader.ReadEvent(document.RootElement);
                return ParseResult<ErrorEvent>.Ok(errorEvent, reader.Problems.ToImmutable());
            }
            catch (Exception exception) when (exception is InvalidOperationException or FormatException or ArgumentException or OverflowException)
            {
                // A safety net: the reader guards every access, so reaching this is a bug, reported rather than thrown.
                return ParseResult<ErrorEvent>.Failed(new ParseProblem("$", $"Internal parser error: {exception.GetType().Name}: {exception.Message}"));
            }
        }
    }

    private static string DescribeJsonError(JsonException exception)
    {
        var message = exception.Message;
        if (message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase))
        {
            return $"The JSON is nested deeper than {MaxDepth} levels.";
        }

        // The reader's message quotes at most a few characters of input; strip its trailing position sentence.
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return "Invalid JSON: " + (cut > 0 ? message[..cut] : message).TrimEnd();
    }

    internal static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "value",
    };

    /// <summary>One event's reader: this part reads the envelope-level fields; the other parts (<c>SentryEventJson.*.cs</c>)
    /// read exceptions and frames, the request/user/context sections, and the capped scalar values every part uses.</summary>
    private sealed partial class Reader(string rawJson, byte[] rawBytes, DateTimeOffset receivedAt)
    {
        private static readonly ImmutableDictionary<string, string> s_noPairs = ImmutableDictionary.Create<string, string>(StringComparer.Ordinal);

        public ProblemList Problems { get; } = new();

        public ErrorEvent ReadEvent(JsonElement root)
        {
            var id = ReadEventId(root);
            var timestamp = ReadTimestamp(root);
            var exceptions = ReadExceptions(root);
            var stacktrace = exceptions.IsEmpty ? ReadEventStacktrace(root) : ImmutableArray<StackFrame>.Empty;

            return new ErrorEvent(
                id,
                timestamp,
                ScalarText(root, "platform", "$.platform"),
                ScalarText(root, "release", "$.release"),
                ScalarText(root, "environment", "$.environment"),
                ScalarText(root, "server_name", "$.server_name"),
                ReadMessage(root),
                ScalarText(root, "level", "$.level"),
                exceptions,
                ReadRequest(root),
                ReadUser(root),
                ReadPairs(root, "tags", "$.tags", MaxTags),
                ReadContexts(root),
                ReadFingerprint(root),
                rawJson)
            {
                Stacktrace = stacktrace,
            };
        }

        private string ReadEventId(JsonElement root)
        {
            if (root.TryGetProperty("event_id", out var element) && element.ValueKind == JsonValueKind.String)
            {
                var text = SafeString(element, "$.event_id") ?? "";
                var compact = text.Replace("-", "", StringComparison.Ordinal);
                if (compact.Length == 32 && compact.All(Uri.IsHexDigit))
                {
                    return compact.ToLowerInvariant();
                }

                Problems.Add("$.event_id", "The event id is not 32 hex digits; an id was derived from the payload.");
            }
            else
            {
                Problems.Add("$.event_id", element.ValueKind == JsonValueKind.Undefined
                    ? "The event has no id; an id was derived from the payload."
                    : $"The event id is a {Kind(element)}, not a string; an id was derived from the payload.");
            }

            // Deterministic, so a resent payload maps to the same id and is stored once.
            return Convert.ToHexStringLower(SHA256.HashData(rawBytes))[..32];
        }

        private DateTimeOffset ReadTimestamp(JsonElement root)
        {
            if (!root.TryGetProperty("timestamp", out var element) || element.ValueKind == JsonValueKind.Null)
            {
                Problems.Add("$.timestamp", "The event has no timestamp; the time it was received is used.");
                return receivedAt;
            }

            if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var seconds) && SentryValues.TryFromEpochSeconds(seconds, out var fromNumber))
            {
                return fromNumber;
            }

            // Real timestamps are short; the date parser is slow on long hostile strings.
            if (element.ValueKind == JsonValueKind.String && SafeString(element, "$.timestamp") is { Length: <= 64 } text)
            {
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var numeric)
                    && SentryValues.TryFromEpochSeconds(numeric, out var fromNumericText))
                {
                    return fromNumericText;
                }

                if (SentryValues.TryParseIso(text, out var fromIso))
                {
                    return fromIso;
                }
            }

            Problems.Add("$.timestamp", $"The timestamp is not an ISO 8601 date or epoch seconds ({Kind(element)}); the time it was received is used.");
            return receivedAt;
        }

        private string? ReadMessage(JsonElement root)
        {
            if (root.TryGetProperty("message", out var message))
            {
                switch (message.ValueKind)
                {
                    case JsonValueKind.String:
                        return Capped(SafeString(message, "$.message"), "$.message");
                    case JsonValueKind.Object:
                        if (ReadLogEntry(message, "$.message") is { } fromObject)
                        {
                            return fromObject;
                        }

                        break;
                    case JsonValueKind.Null:
                        break;
                    default:
                        Problems.Add("$.message", $"The message is a {Kind(message)}, not a string or an object.");
                        break;
                }
            }

            if (root.TryGetProperty("logentry", out var logEntry))
            {
                if (logEntry.ValueKind == JsonValueKind.Object)
                {
                    return ReadLogEntry(logEntry, "$.logentry");
                }

                if (logEntry.ValueKind != JsonValueKind.Null)
                {
                    Problems.Add("$.logentry", $"The log entry is a {Kind(logEntry)}, not an object.");
                }
            }

            return null;
        }

        private string? ReadLogEntry(JsonElement entry, JsonLocation path) =>
            ScalarText(entry, "formatted", path.Field("formatted")) ?? ScalarText(entry, "message", path.Field("message"));
    }
}
