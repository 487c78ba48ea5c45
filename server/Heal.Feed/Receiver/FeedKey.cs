using System.Security.Cryptography;

namespace Heal.Feed.Receiver;

/// <summary>
/// The DSN key a feed generates when none is given: 128 random bits, kept next to the store (<c>feed.db.key</c>, readable
/// by its owner only) so the DSN an app was configured with stays valid when the feed restarts.
/// </summary>
public static class FeedKey
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Where the key of the store at <paramref name="storePath"/> is kept.</summary>
    public static string PathFor(string storePath) => Path.GetFullPath(storePath) + ".key";

    /// <summary>The key kept for this store, or a new one written there first. Returns the key and whether it was created now.</summary>
    public static (string Key, bool Created) LoadOrCreate(string storePath)
    {
        var path = PathFor(storePath);
        if (File.Exists(path))
        {
            var kept = File.ReadAllText(path).Trim();
            if (kept.Length >= 16 && kept.All(char.IsAsciiLetterOrDigit))
            {
                return (kept, false);
            }

            throw new IOException($"the key file '{path}' does not hold a key (16 or more letters and digits); delete it to have a new key generated, or pass --key.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = New();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(new FileStream(path, options));
            writer.Write(key + "\n");
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another feed on the same store created it first: use that one.
            return (File.ReadAllText(path).Trim(), false);
        }

        return (key, true);
    }
}
