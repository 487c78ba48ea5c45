using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Heal.Core.Scrubbing;

/// <summary>
/// Scrubs a Sentry event's JSON as Sentry's server-side data scrubbing does, before anything stores it: the value of
/// every member whose key names a secret (and the second of every <c>["Key","value"]</c> pair, the form headers and
/// query strings may take) becomes <c>"[Filtered]"</c>, and secrets inside other strings (<see cref="TextScrubber"/>)
/// are replaced in place. What Heal needs to group and repair is kept: the event's identity (id, timestamp, platform,
/// release, environment, SDK, modules, debug images) and every stack frame except its local variables, and each
/// exception's type and module.
/// </summary>
/// <remarks>
/// One pass with a validating reader records the replacements; the document is rewritten only when there is one,
/// by copying the bytes around them (<see cref="ScrubbedJson"/>). Invalid JSON yields no replacements: the event
/// reader refuses it with its position.
/// </remarks>
public static class EventJsonScrubber
{
    private static readonly byte[] s_filtered = Encoding.UTF8.GetBytes("\"" + TextScrubber.Filtered + "\"");

    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Root members kept as sent: they identify the event and its build, and hold no user data.</summary>
    private static readonly byte[][] s_keptRootMembers = Names(
        "event_id", "timestamp", "start_timestamp", "received", "platform", "level", "logger", "release", "dist", "environment",
        "type", "sdk", "modules", "debug_meta", "version");

    /// <summary>Scrubs an event payload; null when nothing in it needs scrubbing (or it is not valid JSON).</summary>
    public static ScrubbedJson? ScrubEvent(ReadOnlySpan<byte> utf8, ScrubOptions options) => Scrub(utf8, options, isEvent: true);

    /// <summary>Scrubs any JSON value with the generic rules (a context's raw JSON, an extra value).</summary>
    public static ScrubbedJson? ScrubValue(ReadOnlySpan<byte> utf8, ScrubOptions options) => Scrub(utf8, options, isEvent: false);

    private static ScrubbedJson? Scrub(ReadOnlySpan<byte> utf8, ScrubOptions options, bool isEvent)
    {
        ArgumentNullException.ThrowIfNull(options);
        var walker = new Walker(options);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read())
            {
                return null;
            }

            if (isEvent && reader.TokenType == JsonTokenType.StartObject)
            {
                walker.Root(ref reader);
            }
            else
            {
                walker.Value(ref reader);
            }

            while (reader.Read())
            {
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return walker.Edits is null ? null : new ScrubbedJson(walker.Edits, utf8.Length);
    }

    private static byte[][] Names(params string[] names) => names.Select(Encoding.UTF8.GetBytes).ToArray();

    private static bool IsAny(ref Utf8JsonReader reader, byte[][] names)
    {
        foreach (var name in names)
        {
            if (reader.ValueTextEquals(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Walks the document with the context it is in; every method starts on a value's first token and ends on its last.</summary>
    private sealed class Walker(ScrubOptions options)
    {
        public List<(int Start, int End, byte[] Replacement)>? Edits { get; private set; }

        public void Root(ref Utf8JsonReader reader)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (IsAny(ref reader, s_keptRootMembers))
                {
                    reader.Read();
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("exception"u8))
                {
                    reader.Read();
                    Exceptions(ref reader);
                }
                else if (reader.ValueTextEquals("stacktrace"u8))
                {
                    reader.Read();
                    Stacktrace(ref reader);
                }
                else if (reader.ValueTextEquals("threads"u8))
                {
                    reader.Read();
                    Threads(ref reader);
                }
                else
                {
                    Member(ref reader);
                }
            }
        }

        /// <summary>A member of an object under the generic rules: a secret key filters the value, else the value is walked.</summary>
        private void Member(ref Utf8JsonReader reader)
        {
            var secret = IsSecretName(ref reader);
            reader.Read();
            if (secret)
            {
                Filter(ref reader);
            }
            else
            {
                Value(ref reader);
            }
        }

        public void Value(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        Member(ref reader);
                    }

                    break;
                case JsonTokenType.StartArray:
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        if (reader.TokenType == JsonTokenType.StartArray && TryPair(ref reader))
                        {
                            continue;
                        }

                        Value(ref reader);
                    }

                    break;
                case JsonTokenType.String:
                    String(ref reader);
                    break;
                case JsonTokenType.Number:
                    Number(ref reader);
                    break;
                default:
                    break;
            }
        }

        /// <summary>
        /// <c>["Authorization","Bearer …"]</c>: when the array under the reader is a pair whose first element is a secret
        /// key, filters the second and leaves the reader on the pair's end. False (reader unmoved) otherwise.
        /// </summary>
        private bool TryPair(ref Utf8JsonReader reader)
        {
            var probe = reader;
            if (!probe.Read() || probe.TokenType != JsonTokenType.String || !IsSecretName(ref probe))
            {
                return false;
            }

            if (!probe.Read() || probe.TokenType is JsonTokenType.EndArray)
            {
                return false;
            }

            var valueStart = (int)probe.TokenStartIndex;
            var kind = probe.TokenType;
            var alreadyClean = kind is JsonTokenType.Null or JsonTokenType.True or JsonTokenType.False
                || (kind == JsonTokenType.String && (probe.ValueSpan.IsEmpty || probe.ValueTextEquals(TextScrubber.Filtered)));
            probe.Skip();
            var valueEnd = (int)probe.BytesConsumed;
            if (!probe.Read() || probe.TokenType != JsonTokenType.EndArray)
            {
                return false;
            }

            if (!alreadyClean)
            {
                AddEdit(valueStart, valueEnd, s_filtered);
            }

            reader = probe;
            return true;
        }

        private void Exceptions(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    Exception(ref reader);
                }
            }
            else if (reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("values"u8))
                    {
                        reader.Read();
                        Exceptions(ref reader);
                    }
                    else
                    {
                        Member(ref reader);
                    }
                }
            }
            else
            {
                Value(ref reader);
            }
        }

        private void Exception(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                Value(ref reader);
                return;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8) || reader.ValueTextEquals("module"u8) || reader.ValueTextEquals("thread_id"u8))
                {
                    reader.Read();
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("stacktrace"u8) || reader.ValueTextEquals("raw_stacktrace"u8))
                {
                    reader.Read();
                    Stacktrace(ref reader);
                }
                else
                {
                    Member(ref reader);
                }
            }
        }

        /// <summary>A stack trace keeps its frames as sent, except each frame's local variables.</summary>
        private void Stacktrace(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                return;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var frames = reader.ValueTextEquals("frames"u8);
                reader.Read();
                if (frames && reader.TokenType == JsonTokenType.StartArray)
                {
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        Frame(ref reader);
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        private void Frame(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                return;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var vars = reader.ValueTextEquals("vars"u8);
                reader.Read();
                if (vars)
                {
                    Value(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        private void Threads(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("values"u8))
                    {
                        reader.Read();
                        Threads(ref reader);
                    }
                    else
                    {
                        Member(ref reader);
                    }
                }

                return;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                Value(ref reader);
                return;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    Value(ref reader);
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("stacktrace"u8))
                    {
                        reader.Read();
                        Stacktrace(ref reader);
                    }
                    else
                    {
                        Member(ref reader);
                    }
                }
            }
        }

        /// <summary>Replaces the value under the reader with <c>"[Filtered]"</c> (null, booleans and empty strings stay).</summary>
        private void Filter(ref Utf8JsonReader reader)
        {
            var start = (int)reader.TokenStartIndex;
            var kind = reader.TokenType;
            reader.Skip();
            var end = (int)reader.BytesConsumed;
            if (kind is JsonTokenType.Null or JsonTokenType.True or JsonTokenType.False)
            {
                return;
            }

            if (kind == JsonTokenType.String && (reader.ValueSpan.IsEmpty || reader.ValueTextEquals(TextScrubber.Filtered)))
            {
                return;
            }

            AddEdit(start, end, s_filtered);
        }

        private void String(ref Utf8JsonReader reader)
        {
            if (!TextScrubber.MightContainSecret(reader.ValueSpan))
            {
                return;
            }

            string text;
            try
            {
                text = reader.GetString()!;
            }
            catch (InvalidOperationException)
            {
                return;
            }

            var scrubbed = TextScrubber.Scrub(text, options);
            if (ReferenceEquals(scrubbed, text))
            {
                return;
            }

            var start = (int)reader.TokenStartIndex;
            var end = start + reader.ValueSpan.Length + 2;
            var buffer = new System.Buffers.ArrayBufferWriter<byte>(scrubbed.Length + 16);
            using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
            {
                writer.WriteStringValue(scrubbed);
            }

            AddEdit(start, end, buffer.WrittenSpan.ToArray());
        }

        /// <summary>A card number sent as a JSON number.</summary>
        private void Number(ref Utf8JsonReader reader)
        {
            var raw = reader.ValueSpan;
            if (raw.Length is < 13 or > 19)
            {
                return;
            }

            var text = Encoding.ASCII.GetString(raw);
            if (!ReferenceEquals(TextScrubber.Scrub(text, options), text))
            {
                AddEdit((int)reader.TokenStartIndex, (int)reader.TokenStartIndex + raw.Length, s_filtered);
            }
        }

        private bool IsSecretName(ref Utf8JsonReader reader)
        {
            var raw = reader.ValueSpan;
            if (!reader.ValueIsEscaped && raw.Length <= 256)
            {
                Span<char> name = stackalloc char[raw.Length];
                var length = Encoding.UTF8.GetChars(raw, name);
                return options.IsSecretKey(name[..length]);
            }

            try
            {
                return options.IsSecretKey(reader.GetString());
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }

        private void AddEdit(int start, int end, byte[] replacement) => (Edits ??= []).Add((start, end, replacement));
    }
}
