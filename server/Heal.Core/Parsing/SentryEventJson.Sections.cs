using System.Collections.Immutable;
using System.Text.Json;
using Heal.Core.Model;

namespace Heal.Core.Parsing;

public static partial class SentryEventJson
{
    /// <summary>The request, user, contexts, fingerprint and the name/value pairs they hold.</summary>
    private sealed partial class Reader
    {
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
    }
}
