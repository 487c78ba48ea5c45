using System.Text.Json;

namespace Heal.LanguageServer.Errors;

/// <summary>
/// Where the language server finds the feed store: <c>initializationOptions.store</c>, else the workspace's
/// <c>.heal/settings.json</c> <c>{"store": "..."}</c>, else <see cref="DefaultPath"/>. Relative paths are workspace-relative.
/// </summary>
public static class StoreLocation
{
    /// <summary>The default local store, the one place it is defined for the language server: <c>~/.local/share/heal/heal.db</c>.</summary>
    public static string DefaultPath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "heal", "heal.db");

    public static string Resolve(string root, string? fromOptions)
    {
        var chosen = fromOptions ?? FromSettings(root) ?? DefaultPath;
        return Path.GetFullPath(Path.Combine(root, chosen));
    }

    private static string? FromSettings(string root)
    {
        var settings = Path.Combine(root, ".heal", "settings.json");
        if (!File.Exists(settings))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(settings));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("store", out var store)
                && store.ValueKind == JsonValueKind.String ? store.GetString() : null;
        }
        catch (JsonException)
        {
            // A broken settings file must not stop the server; the default store applies.
            return null;
        }
    }
}
