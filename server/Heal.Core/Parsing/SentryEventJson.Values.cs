using System.Text.Json;

namespace Heal.Core.Parsing;

public static partial class SentryEventJson
{
    /// <summary>Typed reads of single values: every string is capped and every wrong type becomes a problem, never an exception.</summary>
    private sealed partial class Reader
    {
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
