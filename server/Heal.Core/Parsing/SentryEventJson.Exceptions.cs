using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Heal.Core.Model;

namespace Heal.Core.Parsing;

public static partial class SentryEventJson
{
    /// <summary>The exception chain, its mechanisms and stack traces, each frame with its capped context lines.</summary>
    private sealed partial class Reader
    {
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
    }
}
