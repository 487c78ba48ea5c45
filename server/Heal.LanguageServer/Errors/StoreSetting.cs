using System.Text.Json;

namespace Heal.LanguageServer.Errors;

/// <summary>
/// Which store the language server reads: <c>initializationOptions.store</c>, else the workspace's
/// <c>.heal/settings.json</c> <c>{"store": "..."}</c>, else <see cref="DefaultPath"/>. The setting is a SQLite file
/// (relative paths are workspace-relative) or a PostgreSQL URL or connection string; <c>Heal.Feed</c>'s
/// <see cref="Heal.Feed.Store.StoreLocation"/> parses it.
/// </summary>
public static class StoreSetting
{
    /// <summary>The default local store, the one place it is defined for the language server: <c>~/.local/share/heal/heal.db</c>.</summary>
    public static string DefaultPath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "heal", "heal.db");

    /// <summary>The chosen store, parsed; throws <see cref="Heal.Feed.Store.StoreException"/> for a malformed URL or connection string.</summary>
    public static Heal.Feed.Store.StoreLocation Resolve(string root, string? fromOptions) =>
        Heal.Feed.Store.StoreLocation.Parse(fromOptions ?? FromSettings(root) ?? DefaultPath, root);

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
