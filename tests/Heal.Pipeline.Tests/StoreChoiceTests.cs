using Heal.Pipeline.Hosting;
using Heal.Testing;

namespace Heal.Pipeline.Tests;

/// <summary>Which store every command and editor uses: one rule, checked here with the environment as data.</summary>
public sealed class StoreChoiceTests
{
    private static Func<string, string?> Environment(string data, string? store = null) =>
        name => name switch { "XDG_DATA_HOME" => data, StoreChoice.StoreVariable => store, _ => null };

    [Fact]
    public void Resolve_NothingGiven_PerUserStoreUnderTheDataFolder()
    {
        using var folder = new TempDirectory("heal-folder");
        var choice = StoreChoice.Resolve(null, folder.Path, Environment("/data/alice"));
        Assert.Equal(("/data/alice/heal/heal.db", null), (choice.Path, choice.Notice));
    }

    [Fact]
    public void Resolve_TwoFolders_SameDefault()
    {
        using var one = new TempDirectory("heal-one");
        using var two = new TempDirectory("heal-two");
        Assert.Equal(StoreChoice.Resolve(null, one.Path, Environment("/data/alice")).Path, StoreChoice.Resolve(null, two.Path, Environment("/data/alice")).Path);
    }

    [Fact]
    public void Resolve_GivenRelative_RelativeToTheFolderAndWinsOverEverything()
    {
        using var folder = new TempDirectory("heal-folder");
        WriteSettings(folder, "from-settings.db");
        var choice = StoreChoice.Resolve("mine.db", folder.Path, Environment("/data/alice", "/env/heal.db"));
        Assert.Equal(Path.Combine(folder.Path, "mine.db"), choice.Path);
    }

    [Fact]
    public void Resolve_SettingsFile_WinsOverEnvironmentAndDefault()
    {
        using var folder = new TempDirectory("heal-folder");
        WriteSettings(folder, "team.db");
        Assert.Equal(Path.Combine(folder.Path, "team.db"), StoreChoice.Resolve(null, folder.Path, Environment("/data/alice", "/env/heal.db")).Path);
    }

    [Fact]
    public void Resolve_BrokenSettingsFile_Ignored()
    {
        using var folder = new TempDirectory("heal-folder");
        Directory.CreateDirectory(folder.Combine(".heal"));
        File.WriteAllText(folder.Combine(".heal", "settings.json"), "{ not json");
        Assert.Equal("/env/heal.db", StoreChoice.Resolve(null, folder.Path, Environment("/data/alice", "/env/heal.db")).Path);
    }

    [Fact]
    public void Resolve_OldStoreInTheFolder_UsedWithANoticeSayingHowToMoveIt()
    {
        using var folder = new TempDirectory("heal-folder");
        Directory.CreateDirectory(folder.Combine(".heal"));
        File.WriteAllText(folder.Combine(".heal", "feed.db"), "");
        var choice = StoreChoice.Resolve(null, folder.Path, Environment("/data/alice"));
        Assert.Equal(folder.Combine(".heal", "feed.db"), choice.Path);
        Assert.Contains("mv '" + folder.Combine(".heal", "feed.db") + "' '/data/alice/heal/heal.db'", choice.Notice, StringComparison.Ordinal);
    }

    private static void WriteSettings(TempDirectory folder, string store)
    {
        Directory.CreateDirectory(folder.Combine(".heal"));
        File.WriteAllText(folder.Combine(".heal", "settings.json"), $$"""{"store": "{{store}}"}""");
    }
}
