using System.Globalization;
using System.Text.Json;

namespace Heal.Repair.Llm;

/// <summary>What the model answered, as read from its JSON. Nothing in it is trusted yet; see <see cref="ReplyChecker"/>.</summary>
/// <param name="Confidence">The model's own estimate as it wrote it (may be outside [0,1] or missing).</param>
public sealed record LlmReply(string? RootCause, string? Patch, double? Confidence, string? FixKind, string? Decline)
{
    /// <summary>
    /// Reads the reply tolerantly: a <c>```json</c> fence or prose around the object is skipped, property names
    /// may be camelCase or snake_case. Returns null with a precise error when there is no JSON object to read.
    /// </summary>
    public static LlmReply? Parse(string text, out string? error)
    {
        var json = ExtractObject(text);
        if (json is null)
        {
            error = text.Trim().Length == 0 ? "the reply was empty" : $"no JSON object in the reply (it starts with {Quote(text)})";
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = $"the reply is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object";
                return null;
            }

            error = null;
            return new LlmReply(
                String(root, "rootCause", "root_cause"),
                String(root, "patch", "diff"),
                Number(root, "confidence"),
                String(root, "fixKind", "fix_kind"),
                String(root, "decline", "declineReason", "decline_reason"));
        }
        catch (JsonException e)
        {
            error = e.Message;
            return null;
        }
    }

    private static string? ExtractObject(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            var firstLineEnd = trimmed.IndexOf('\n');
            var closing = trimmed.LastIndexOf("```", StringComparison.Ordinal);
            if (firstLineEnd > 0 && closing > firstLineEnd)
            {
                trimmed = trimmed[(firstLineEnd + 1)..closing].Trim();
            }
        }

        var start = trimmed.IndexOf('{');
        var end = trimmed.LastIndexOf('}');
        if (start < 0)
        {
            return null;
        }

        // A reply cut off before its closing brace still goes to the JSON reader, for a precise error.
        return end > start ? trimmed[start..(end + 1)] : trimmed[start..];
    }

    private static string? String(JsonElement root, params string[] names)
    {
        foreach (var name in names)
        {
            if (root.TryGetProperty(name, out var value))
            {
                return value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString() is { Length: > 0 } s && s.Trim() is not ("null" or "none") ? s : null,
                    JsonValueKind.Null or JsonValueKind.Undefined or JsonValueKind.False => null,
                    _ => value.GetRawText(),
                };
            }
        }

        return null;
    }

    private static double? Number(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number))
        {
            return number;
        }

        return value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number)
            ? number
            : null;
    }

    private static string Quote(string text)
    {
        var oneLine = text.Trim().ReplaceLineEndings(" ");
        return "\"" + (oneLine.Length <= 80 ? oneLine : oneLine[..80] + "…") + "\"";
    }
}
