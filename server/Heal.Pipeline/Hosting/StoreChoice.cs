using Heal.Feed.Store;
using System.Text.Json;

namespace Heal.Pipeline.Hosting;

/// <summary>
/// Which store a command or an editor uses, decided in one place so that <c>heal feed</c>, <c>heal errors</c>,
/// <c>heal fix</c> and both editors agree whatever folder they start in. In order: the store given explicitly
/// (<c>--store</c>, <c>initializationOptions.store</c>); the folder's <c>.heal/settings.json</c> <c>{"store": …}</c>;
/// the <c>HEAL_STORE</c> environment variable; a store left by an older Heal at <c>.heal/feed.db</c> in the folder (used,
/// with a <see cref="Notice"/> saying how to move it); else the per-user default, <see cref="DefaultPath"/>.
/// Relative paths are relative to the folder.
/// </summary>
/// <param name="Path">The full path of the store file.</param>
/// <param name="Why">Which rule chose it, for logs and <c>--help</c>-style messages.</param>
/// <param name="Notice">Something the user should know about the choice (an old store in use), or null.</param>
public sealed record StoreChoice(string Path, string Why, string? Notice)
{
    public const string StoreVariable = "HEAL_STORE";

    /// <summary>Where Heal before version 0.2 kept the feed's store: relative to the folder the feed started in.</summary>
    public const string LegacyRelativePath = ".heal/feed.db";

    /// <summary>
    /// The per-user store: the platform's user data folder (<c>$XDG_DATA_HOME</c> or <c>~/.local/share</c> on Linux,
    /// <c>~/Library/Application Support</c> on macOS, <c>%LOCALAPPDATA%</c> on Windows) + <c>heal/heal.db</c>.
    /// </summary>
    public static string DefaultPath(Func<string, string?> environment)
    {
        var data = environment("XDG_DATA_HOME") is { Length: > 0 } xdg && !OperatingSystem.IsWindows() && System.IO.Path.IsPathRooted(xdg)
            ? xdg
            : Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(data))
        {
            // No home folder (a bare service account): the temp folder is the only per-user place left.
            data = System.IO.Path.GetTempPath();
        }

        return System.IO.Path.Combine(data, "heal", "heal.db");
    }

    public static StoreChoice Resolve(string? given, string folder, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return new StoreChoice(Full(folder, given), "given explicitly", null);
        }

        if (FromSettings(folder) is { } fromSettings)
        {
            return new StoreChoice(Full(folder, fromSettings), "from .heal/settings.json", null);
        }

        if (environment(StoreVariable) is { Length: > 0 } fromEnvironment)
        {
            return new StoreChoice(Full(folder, fromEnvironment), $"from {StoreVariable}", null);
        }

        var defaultPath = DefaultPath(environment);
        var legacy = Full(folder, LegacyRelativePath);
        if (File.Exists(legacy) && !string.Equals(legacy, defaultPath, StringComparison.Ordinal))
        {
            return new StoreChoice(legacy, "an older Heal's store in this folder",
                $"using {legacy}, the store an older Heal kept in this folder; the default is now {defaultPath}, shared by every folder and editor. " +
                $"Move it there to share it (mkdir -p '{System.IO.Path.GetDirectoryName(defaultPath)}' && mv '{legacy}' '{defaultPath}'), or pass --store to keep it here.");
        }

        return new StoreChoice(defaultPath, "the per-user default", null);
    }

    /// <summary>A file path made absolute against the folder; a PostgreSQL URL or connection string as given.</summary>
    private static string Full(string folder, string path) =>
        StoreLocation.IsPostgres(path) ? path : System.IO.Path.GetFullPath(System.IO.Path.Combine(folder, path));

    /// <summary>The chosen store parsed (<see cref="StoreLocation.Parse"/>): a SQLite file or a PostgreSQL database.</summary>
    public StoreLocation Location => StoreLocation.Parse(Path);

    private static string? FromSettings(string folder)
    {
        var settings = System.IO.Path.Combine(folder, ".heal", "settings.json");
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
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            // A broken settings file must not stop anything; the next rule applies.
            return null;
        }
    }
}
