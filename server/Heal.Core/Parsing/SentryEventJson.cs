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
public static class SentryEventJson
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

    private sealed class Reader(string rawJson, byte[] rawBytes, DateTimeOffset receivedAt)
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

        private ImmutableArray<ExceptionInfo> ReadExceptions(JsonElement root)
        {
            if (!root.TryGetProperty("exception", out var exception) || exception.ValueKind == JsonValueKind.Null)
            {
                return ImmutableArray<ExceptionInfo>.Empty;
            }

            var path = "$.exception";
            JsonElement values;
            if (exception.ValueKind == JsonValueKind.Array)
            {
                values = exception;
            }
            else if (exception.ValueKind == JsonValueKind.Object && exception.TryGetProperty("values", out var inner) && inner.ValueKind == JsonValueKind.Array)
            {
                values = inner;
                path += ".values";
            }
            else
            {
                Problems.Add(path, "The exception is neither an array nor an object with a 'values' array.");
                return ImmutableArray<ExceptionInfo>.Empty;
            }

            var count = values.GetArrayLength();
            var builder = ImmutableArray.CreateBuilder<ExceptionInfo>();
            for (var i = 0; i < count; i++)
            {
                // Keep the innermost causes (first) and the top-level exception (last): the ends of the chain matter.
                if (count > MaxExceptions && i >= MaxExceptions - 1 && i < count - 1)
                {
                    continue;
                }

                if (ReadException(values[i], new JsonLocation(path, i)) is { } info)
                {
                    builder.Add(info);
                }
            }

            if (count > MaxExceptions)
            {
                Problems.Add(path, $"The chain has {count} exceptions; {count - MaxExceptions} in the middle were dropped.");
            }

            return builder.ToImmutable();
        }

        private ExceptionInfo? ReadException(JsonElement element, JsonLocation path)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Problems.Add(path, $"The exception is a {Kind(element)}, not an object; it was skipped.");
                return null;
            }

            var type = ScalarText(element, "type", path.Field("type"));
            var value = ScalarText(element, "value", path.Field("value"));
            if (type is null)
            {
                Problems.Add(path.Field("type"), "The exception has no type.");
            }

            var frames = ImmutableArray<StackFrame>.Empty;
            if (element.TryGetProperty("stacktrace", out var stacktrace))
            {
                frames = ReadStacktrace(stacktrace, path.Field("stacktrace"));
            }

            return new ExceptionInfo(
                type ?? "(unknown)",
                value,
                ScalarText(element, "module", path.Field("module")),
                ReadMechanism(element, path.Field("mechanism")),
                frames);
        }

        private ExceptionMechanism? ReadMechanism(JsonElement exception, JsonLocation path)
        {
            if (!exception.TryGetProperty("mechanism", out var mechanism) || mechanism.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (mechanism.ValueKind != JsonValueKind.Object)
            {
                Problems.Add(path, $"The mechanism is a {Kind(mechanism)}, not an object.");
                return null;
            }

            bool? handled = null;
            if (mechanism.TryGetProperty("handled", out var handledElement))
            {
                handled = handledElement.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => null,
                };
                if (handled is null && handledElement.ValueKind != JsonValueKind.Null)
                {
                    Problems.Add(path.Field("handled"), $"'handled' is a {Kind(handledElement)}, not a boolean.");
                }
            }

            return new ExceptionMechanism(
                ScalarText(mechanism, "type", path.Field("type")),
                handled,
                ScalarText(mechanism, "description", path.Field("description")));
        }

        private ImmutableArray<StackFrame> ReadEventStacktrace(JsonElement root)
        {
            if (root.TryGetProperty("stacktrace", out var stacktrace) && stacktrace.ValueKind == JsonValueKind.Object)
            {
                return ReadStacktrace(stacktrace, "$.stacktrace");
            }

            if (!root.TryGetProperty("threads", out var threads))
            {
                return ImmutableArray<StackFrame>.Empty;
            }

            var path = "$.threads";
            if (threads.ValueKind == JsonValueKind.Object && threads.TryGetProperty("values", out var values))
            {
                threads = values;
                path += ".values";
            }

            if (threads.ValueKind != JsonValueKind.Array)
            {
                Problems.Add(path, "The threads are not an array.");
                return ImmutableArray<StackFrame>.Empty;
            }

            // The crashed thread, else the current one, else the first with a stack trace.
            int? best = null;
            var bestRank = int.MaxValue;
            var index = 0;
            foreach (var thread in threads.EnumerateArray())
            {
                if (thread.ValueKind == JsonValueKind.Object && thread.TryGetProperty("stacktrace", out var st) && st.ValueKind == JsonValueKind.Object)
                {
                    var rank = IsTrue(thread, "crashed") ? 0 : IsTrue(thread, "current") ? 1 : 2;
                    if (rank < bestRank)
                    {
                        best = index;
                        bestRank = rank;
                    }
                }

                index++;
            }

            return best is { } i
                ? ReadStacktrace(threads[i].GetProperty("stacktrace"), $"{path}[{i}].stacktrace")
                : ImmutableArray<StackFrame>.Empty;
        }

        private static bool IsTrue(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

        private ImmutableArray<StackFrame> ReadStacktrace(JsonElement stacktrace, JsonLocation path)
        {
            if (stacktrace.ValueKind == JsonValueKind.Null)
            {
                return ImmutableArray<StackFrame>.Empty;
            }

            if (stacktrace.ValueKind != JsonValueKind.Object)
            {
                Problems.Add(path, $"The stack trace is a {Kind(stacktrace)}, not an object.");
                return ImmutableArray<StackFrame>.Empty;
            }

            if (!stacktrace.TryGetProperty("frames", out var frames) || frames.ValueKind == JsonValueKind.Null)
            {
                return ImmutableArray<StackFrame>.Empty;
            }

            if (frames.ValueKind != JsonValueKind.Array)
            {
                Problems.Add(path.Field("frames"), $"The frames are a {Kind(frames)}, not an array.");
                return ImmutableArray<StackFrame>.Empty;
            }

            var count = frames.GetArrayLength();
            var limit = MaxFramesNearCrash + MaxFramesOutermost;
            var framesPath = path.Field("frames").ToString();
            var builder = ImmutableArray.CreateBuilder<StackFrame>(Math.Min(count, limit));
            for (var i = 0; i < count; i++)
            {
                // Sentry order puts the crash last: keep the frames nearest it, plus the entry point for orientation.
                if (count > limit && i >= MaxFramesOutermost && i < count - MaxFramesNearCrash)
                {
                    continue;
                }

                if (ReadFrame(frames[i], new JsonLocation(framesPath, i)) is { } frame)
                {
                    builder.Add(frame);
                }
            }

            if (count > limit)
            {
                Problems.Add(path.Field("frames"),
                    $"The stack trace has {count} frames; {count - limit} were dropped, keeping the first {MaxFramesOutermost} and the {MaxFramesNearCrash} nearest the crash.");
            }

            return builder.ToImmutable();
        }

        private StackFrame? ReadFrame(JsonElement frame, JsonLocation path)
        {
            if (frame.ValueKind != JsonValueKind.Object)
            {
                Problems.Add(path, $"The frame is a {Kind(frame)}, not an object; it was skipped.");
                return null;
            }

            // One pass over the frame's members instead of a lookup per field (each lookup scans them all). The last
            // of duplicate members wins, as with TryGetProperty; problems are still reported in field order below.
            JsonElement filename = default, absPath = default, function = default, module = default, package = default,
                lineno = default, colno = default, inAppElement = default, contextLine = default, preContext = default,
                postContext = default, vars = default;
            foreach (var member in frame.EnumerateObject())
            {
                switch (member.Name)
                {
                    case "filename": filename = member.Value; break;
                    case "abs_path": absPath = member.Value; break;
                    case "function": function = member.Value; break;
                    case "module": module = member.Value; break;
                    case "package": package = member.Value; break;
                    case "lineno": lineno = member.Value; break;
                    case "colno": colno = member.Value; break;
                    case "in_app": inAppElement = member.Value; break;
                    case "context_line": contextLine = member.Value; break;
                    case "pre_context": preContext = member.Value; break;
                    case "post_context": postContext = member.Value; break;
                    case "vars": vars = member.Value; break;
                    default: break;
                }
            }

            bool? inApp = null;
            if (inAppElement.ValueKind != JsonValueKind.Undefined)
            {
                inApp = inAppElement.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => null,
                };
                if (inApp is null && inAppElement.ValueKind != JsonValueKind.Null)
                {
                    Problems.Add(path.Field("in_app"), $"'in_app' is a {Kind(inAppElement)}, not a boolean.");
                }
            }

            return new StackFrame(
                ScalarValue(filename, "filename", path.Field("filename")),
                ScalarValue(absPath, "abs_path", path.Field("abs_path")),
                ScalarValue(function, "function", path.Field("function")),
                ScalarValue(module, "module", path.Field("module")),
                ScalarValue(package, "package", path.Field("package")),
                PositiveIntValue(lineno, "lineno", path.Field("lineno")),
                PositiveIntValue(colno, "colno", path.Field("colno")),
                inApp,
                ScalarValue(contextLine, "context_line", path.Field("context_line")),
                ReadLinesValue(preContext, "pre_context", path.Field("pre_context")),
                ReadLinesValue(postContext, "post_context", path.Field("post_context")),
                ReadPairsValue(vars, "vars", path.Field("vars"), MaxVars));
        }

        /// <summary>A member already looked up; <see cref="JsonValueKind.Undefined"/> when it is absent.</summary>
        private int? PositiveIntValue(JsonElement element, string name, JsonLocation path)
        {
            if (element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                return null;
            }

            double number;
            if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var fromNumber))
            {
                number = fromNumber;
            }
            else if (element.ValueKind == JsonValueKind.String
                && double.TryParse(SafeString(element, path), NumberStyles.Float, CultureInfo.InvariantCulture, out var fromText))
            {
                number = fromText;
            }
            else
            {
                Problems.Add(path, $"'{name}' is a {Kind(element)}, not a number.");
                return null;
            }

            if (SentryValues.PositiveWhole(number) is { } whole)
            {
                return whole;
            }

            // Some SDKs send 0 for "unknown"; that is not worth a problem.
            if (number != 0)
            {
                Problems.Add(path, $"'{name}' is not a positive whole number.");
            }

            return null;
        }

        /// <summary>A member already looked up; <see cref="JsonValueKind.Undefined"/> when it is absent.</summary>
        private ImmutableArray<string> ReadLinesValue(JsonElement element, string name, JsonLocation path)
        {
            if (element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                return ImmutableArray<string>.Empty;
            }

            if (element.ValueKind != JsonValueKind.Array)
            {
                Problems.Add(path, $"'{name}' is a {Kind(element)}, not an array of lines.");
                return ImmutableArray<string>.Empty;
            }

            var count = element.GetArrayLength();
            var builder = ImmutableArray.CreateBuilder<string>(Math.Min(count, MaxContextLines));
            // Pre-context is read nearest the crash line (its end), post-context from its start.
            var start = name == "pre_context" ? Math.Max(0, count - MaxContextLines) : 0;
            for (var i = start; i < count && builder.Count < MaxContextLines; i++)
            {
                builder.Add(ValueText(element[i], path.At(i)) ?? "");
            }

            if (count > MaxContextLines)
            {
                Problems.Add(path, $"{count - MaxContextLines} context lines were dropped.");
            }

            return builder.ToImmutable();
        }

        private RequestInfo? ReadRequest(JsonElement root)
        {
            if (!TryGetObject(root, "request", "$.request", out var request))
            {
                return null;
            }

            return new RequestInfo(
                ScalarText(request, "url", "$.request.url"),
                ScalarText(request, "method", "$.request.method"),
                ReadQueryString(request),
                request.TryGetProperty("data", out var data) ? ValueText(data, "$.request.data") : null,
                ReadPairs(request, "headers", "$.request.headers", MaxHeaders));
        }

        private string? ReadQueryString(JsonElement request)
        {
            if (!request.TryGetProperty("query_string", out var query) || query.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (query.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            {
                return ScalarText(request, "query_string", "$.request.query_string");
            }

            var pairs = ReadPairList(request, "query_string", "$.request.query_string", MaxHeaders);
            var text = string.Join("&", pairs.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
            return Capped(text, "$.request.query_string");
        }

        private UserInfo? ReadUser(JsonElement root)
        {
            if (!TryGetObject(root, "user", "$.user", out var user))
            {
                return null;
            }

            return new UserInfo(
                ScalarText(user, "id", "$.user.id"),
                ScalarText(user, "username", "$.user.username"),
                ScalarText(user, "email", "$.user.email"),
                ScalarText(user, "ip_address", "$.user.ip_address"));
        }

        private ImmutableDictionary<string, string> ReadContexts(JsonElement root)
        {
            if (!TryGetObject(root, "contexts", "$.contexts", out var contexts))
            {
                return ImmutableDictionary<string, string>.Empty;
            }

            var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            var seen = 0;
            foreach (var property in contexts.EnumerateObject())
            {
                seen++;
                if (builder.Count >= MaxContexts)
                {
                    continue;
                }

                var path = "$.contexts." + property.Name;
                var raw = property.Value.GetRawText();
                if (raw.Length > MaxContextJsonLength)
                {
                    Problems.Add(path, $"The context is {raw.Length} characters long; it was dropped.");
                    continue;
                }

                builder[Capped(property.Name, path) ?? ""] = raw;
            }

            if (seen > MaxContexts)
            {
                Problems.Add("$.contexts", $"{seen - MaxContexts} contexts beyond the first {MaxContexts} were dropped.");
            }

            return builder.ToImmutable();
        }

        private ImmutableArray<string> ReadFingerprint(JsonElement root)
        {
            if (!root.TryGetProperty("fingerprint", out var fingerprint) || fingerprint.ValueKind == JsonValueKind.Null)
            {
                return ImmutableArray<string>.Empty;
            }

            if (fingerprint.ValueKind != JsonValueKind.Array)
            {
                Problems.Add("$.fingerprint", $"The fingerprint is a {Kind(fingerprint)}, not an array.");
                return ImmutableArray<string>.Empty;
            }

            var builder = ImmutableArray.CreateBuilder<string>();
            var index = 0;
            foreach (var part in fingerprint.EnumerateArray())
            {
                if (builder.Count >= MaxFingerprintParts)
                {
                    Problems.Add("$.fingerprint", $"Fingerprint parts beyond the first {MaxFingerprintParts} were dropped.");
                    break;
                }

                if (part.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
                {
                    builder.Add(ValueText(part, $"$.fingerprint[{index}]") ?? "");
                }
                else
                {
                    Problems.Add($"$.fingerprint[{index}]", $"A fingerprint part is a {Kind(part)}; it was skipped.");
                }

                index++;
            }

            return builder.ToImmutable();
        }

        /// <summary>Reads an object (<c>{"k":"v"}</c>) or an array of pairs (<c>[["k","v"]]</c>) into a dictionary; values of any kind become text.</summary>
        private ImmutableDictionary<string, string> ReadPairs(JsonElement parent, string name, JsonLocation path, int max) =>
            ReadPairsValue(parent.TryGetProperty(name, out var element) ? element : default, name, path, max);

        /// <summary>A member already looked up; <see cref="JsonValueKind.Undefined"/> when it is absent.</summary>
        private ImmutableDictionary<string, string> ReadPairsValue(JsonElement element, string name, JsonLocation path, int max)
        {
            var pairs = ReadPairListValue(element, name, path, max);
            if (pairs.Count == 0)
            {
                // Most frames have no vars: the shared empty dictionary instead of a builder each.
                return s_noPairs;
            }

            var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in pairs)
            {
                builder[key] = value;
            }

            return builder.ToImmutable();
        }

        private List<KeyValuePair<string, string>> ReadPairList(JsonElement parent, string name, JsonLocation path, int max) =>
            ReadPairListValue(parent.TryGetProperty(name, out var element) ? element : default, name, path, max);

        private List<KeyValuePair<string, string>> ReadPairListValue(JsonElement element, string name, JsonLocation path, int max)
        {
            var result = new List<KeyValuePair<string, string>>();
            if (element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                return result;
            }

            var total = 0;
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    total++;
                    if (result.Count < max)
                    {
                        var itemPath = path.Field(property.Name);
                        result.Add(new(Capped(property.Name, itemPath) ?? "", ValueText(property.Value, itemPath) ?? "null"));
                    }
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    total++;
                    var itemPath = path.At(index++);
                    if (result.Count >= max)
                    {
                        continue;
                    }

                    if (item.ValueKind == JsonValueKind.Array && item.GetArrayLength() == 2 && item[0].ValueKind == JsonValueKind.String)
                    {
                        result.Add(new(ValueText(item[0], itemPath) ?? "", ValueText(item[1], itemPath) ?? "null"));
                    }
                    else
                    {
                        Problems.Add(itemPath, "Expected a [key, value] pair; it was skipped.");
                    }
                }
            }
            else
            {
                Problems.Add(path, $"'{name}' is a {Kind(element)}, not an object or an array of pairs.");
                return result;
            }

            if (total > max)
            {
                Problems.Add(path, $"{total - max} entries beyond the first {max} were dropped.");
            }

            return result;
        }

        private bool TryGetObject(JsonElement parent, string name, JsonLocation path, out JsonElement value)
        {
            if (!parent.TryGetProperty(name, out value) || value.ValueKind == JsonValueKind.Null)
            {
                return false;
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                Problems.Add(path, $"'{name}' is a {Kind(value)}, not an object.");
                return false;
            }

            return true;
        }

        /// <summary>A string field; numbers and booleans are accepted as their text, objects and arrays are a problem.</summary>
        private string? ScalarText(JsonElement parent, string name, JsonLocation path) =>
            parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var element)
                ? ScalarValue(element, name, path)
                : null;

        /// <summary>A member already looked up; <see cref="JsonValueKind.Undefined"/> when it is absent.</summary>
        private string? ScalarValue(JsonElement element, string name, JsonLocation path)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    return Capped(SafeString(element, path), path);
                case JsonValueKind.Number:
                case JsonValueKind.True:
                case JsonValueKind.False:
                    return Capped(element.GetRawText(), path);
                case JsonValueKind.Null:
                case JsonValueKind.Undefined:
                    return null;
                default:
                    Problems.Add(path, $"'{name}' is a {Kind(element)}, not a string.");
                    return null;
            }
        }

        /// <summary>Any JSON value as text: a string as itself, anything else as its JSON text.</summary>
        private string? ValueText(JsonElement element, JsonLocation path) => element.ValueKind switch
        {
            JsonValueKind.String => Capped(SafeString(element, path), path),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => Capped(element.GetRawText(), path),
        };

        private string? SafeString(JsonElement element, JsonLocation path)
        {
            try
            {
                return element.GetString();
            }
            catch (InvalidOperationException)
            {
                // An escaped lone surrogate ("\ud800") cannot become a .NET string through the strict reader.
                Problems.Add(path, "The string holds an invalid escape sequence; its raw JSON text is kept.");
                return element.GetRawText();
            }
        }

        private string? Capped(string? text, JsonLocation path)
        {
            if (text is null || text.Length <= MaxStringLength)
            {
                return text;
            }

            Problems.Add(path, $"The text is {text.Length} characters long; it was cut to {MaxStringLength}.");
            return SentryValues.Cut(text);
        }
    }
}
