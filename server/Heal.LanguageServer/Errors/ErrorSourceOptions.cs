using System.Text.Json;
using Heal.Pipeline.Hosting;

namespace Heal.LanguageServer.Errors;

/// <summary>
/// Which error source a workspace reads, from <c>initializationOptions</c>: <c>{"jsonl": path}</c> (a JSON-lines file),
/// <c>{"sentry": {url, org, project}}</c> (a Sentry-style backend; the token comes from <c>HEAL_SENTRY_TOKEN</c> or
/// <c>SENTRY_AUTH_TOKEN</c>, never from the editor and never logged), else <c>{"store": path}</c> or the default store
/// (see <see cref="StoreChoice"/>, shared with every CLI command). Relative paths are workspace-relative.
/// </summary>
public sealed record ErrorSourceOptions(string? Store, string? JsonLines, SentryImport? Sentry)
{
    public static ErrorSourceOptions Default { get; } = new(null, null, null);

    /// <summary>
    /// The composition root's options for a workspace: the editor's choices, the rules or the LLM the server's environment
    /// configures (<c>HEAL_LLM_*</c>; a model's patch is built and tested only in the sandbox, else it comes back
    /// <c>unverified</c> for review), configuration and secrets from the server's environment.
    /// </summary>
    public HealOptions ToHealOptions(string root, Func<string, string?> environment) => new()
    {
        Folder = root,
        Store = Store,
        JsonLines = JsonLines,
        Sentry = Sentry,
        Offline = false,
        Environment = environment,
    };

    /// <summary>Reads the options; a field of the wrong shape is a problem message, never an exception.</summary>
    public static (ErrorSourceOptions Options, string? Problem) Parse(JsonElement? initializationOptions)
    {
        if (initializationOptions is not { ValueKind: JsonValueKind.Object } options)
        {
            return (Default, null);
        }

        var store = Text(options, "store");
        var jsonl = Text(options, "jsonl");
        if (!options.TryGetProperty("sentry", out var sentry) || sentry.ValueKind is JsonValueKind.Null)
        {
            return (new ErrorSourceOptions(store, jsonl, null), null);
        }

        if (sentry.ValueKind != JsonValueKind.Object || Text(sentry, "org") is not { } org || Text(sentry, "project") is not { } project)
        {
            return (new ErrorSourceOptions(store, jsonl, null), "initializationOptions.sentry needs {\"org\": string, \"project\": string} and an optional \"url\"");
        }

        return (new ErrorSourceOptions(store, jsonl, new SentryImport(Text(sentry, "url"), org, project)), null);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
