using System.Text.Encodings.Web;
using System.Text.Json;

namespace Heal.Cli;

/// <summary>
/// How every command writes JSON: indented, with relaxed escaping so backticks, quotes and non-ASCII text stay readable
/// (the output is still valid JSON; it is meant for programs and for people reading a terminal, never for HTML).
/// </summary>
public static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonWriterOptions WriterOptions { get; } = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(object value) => JsonSerializer.Serialize(value, Options);

    /// <summary>The one shape of an error in JSON output: <c>{"status":"error","code":…,"error":…}</c>.</summary>
    public static string Error(string code, string message) =>
        Serialize(new Dictionary<string, object?> { ["status"] = "error", ["code"] = code, ["error"] = message });
}
