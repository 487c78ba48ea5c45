using Heal.Testing;
using Heal.VisualStudio.Core.Server;
using Heal.VisualStudio.Core.Settings;

namespace Heal.VisualStudio.Tests;

/// <summary>Which heal runs: the Server path setting, else the bundled build, else heal on PATH; real files in a temp folder.</summary>
public sealed class ServerLocatorTests
{
    [Theory]
    [InlineData("server/heal.exe server/heal.dll", "", true, "{ext}/server/heal.exe lsp")]
    [InlineData("server/heal.dll", "", true, "dotnet {ext}/server/heal.dll lsp")]
    [InlineData("server/heal server/heal.dll", "", false, "{ext}/server/heal lsp")]
    [InlineData("server/heal.dll tools/heal.exe", "tools/heal.exe", true, "{ext}/tools/heal.exe lsp")]
    [InlineData("server/heal.exe tools/heal.dll", "tools/heal.dll", true, "dotnet {ext}/tools/heal.dll lsp")]
    [InlineData("bin/heal.exe", "", true, "{ext}/bin/heal.exe lsp")]
    public void Locate_FilesPresent_PicksSettingThenBundledThenPath(string files, string serverPath, bool windows, string expected)
    {
        using var ext = new TempDirectory("heal-vs-ext");
        foreach (var file in files.Split(' '))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(ext.Combine(file))!);
            File.WriteAllText(ext.Combine(file), "");
        }

        var settings = new HealSettings { ServerPath = serverPath.Length > 0 ? ext.Combine(serverPath) : "" };
        var (launch, problem) = ServerLocator.Locate(ext.Path, settings, "/work", ext.Combine("bin") + (windows ? ";" : ":") + ext.Combine("nothing"), windows, File.Exists);

        Assert.Null(problem);
        Assert.Equal(expected.Replace("{ext}", ext.Path), launch!.ToString().Replace('\\', '/'));
        Assert.Equal("/work", launch.WorkingDirectory);
    }

    [Fact]
    public void Locate_ServerPathSettingMissing_NamesTheSettingAndThePath()
    {
        using var ext = new TempDirectory("heal-vs-ext");
        var missing = ext.Combine("nowhere", "heal.exe");

        var (launch, problem) = ServerLocator.Locate(ext.Path, new HealSettings { ServerPath = missing }, null, "", true, File.Exists);

        Assert.Null(launch);
        Assert.Equal($"Heal language server not found at {missing}. Set Tools › Options › Heal › Server path to a heal executable or heal.dll.", problem);
    }

    [Fact]
    public void Locate_NothingBundledNothingOnPath_SaysWhereItLooked()
    {
        using var ext = new TempDirectory("heal-vs-ext");

        var (launch, problem) = ServerLocator.Locate(ext.Path, HealSettings.Default, null, ext.Path, false, File.Exists);

        Assert.Null(launch);
        Assert.StartsWith($"No Heal language server: none bundled in {Path.Combine(ext.Path, "server")} and no heal on PATH.", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_LaunchWithTokenInEnvironment_LeavesTheEnvironmentOut()
    {
        var launch = new ServerLaunch("heal", ["lsp"], null, new Dictionary<string, string>()).WithEnvironment(new Dictionary<string, string> { ["HEAL_GITHUB_TOKEN"] = "ghp_secret" });

        Assert.Equal("heal lsp", launch.ToString());
        Assert.Equal("ghp_secret", launch.ToStartInfo().Environment["HEAL_GITHUB_TOKEN"]);
    }

    [Theory]
    [InlineData(@"C:\Program Files\Heal\heal.dll", "\"C:\\Program Files\\Heal\\heal.dll\"")]
    [InlineData(@"C:\a b\", "\"C:\\a b\\\\\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("plain", "plain")]
    [InlineData("", "\"\"")]
    public void Quote_Argument_SplitsBackToItself(string argument, string expected) =>
        Assert.Equal(expected, ServerLaunch.Quote(argument));

    [Fact]
    public void Quote_ArgumentsThroughARealProcess_ArriveUnchanged()
    {
        string[] arguments = [@"C:\a b\", "say \"hi\"", "two  spaces", ""];
        var launch = new ServerLaunch("git", ["-c", $"heal.probe={arguments[0]}|{arguments[1]}|{arguments[2]}", "config", "heal.probe"], null, new Dictionary<string, string>());
        using var process = System.Diagnostics.Process.Start(launch.ToStartInfo())!;
        var output = process.StandardOutput.ReadToEnd().TrimEnd('\n');
        process.WaitForExit();

        Assert.Equal(string.Join("|", arguments[..3]), output);
    }

    [Fact]
    public void OnCrash_FiveCrashesWithinThreeMinutes_StopsRestartingThenForgetsOldOnes()
    {
        var policy = RestartPolicy.Default;
        var start = DateTimeOffset.UnixEpoch;

        var decisions = Enumerable.Range(0, 5).Select(i => policy.OnCrash(start.AddSeconds(i * 30))).ToList();

        Assert.Equal([true, true, true, true, false], decisions);
        Assert.True(policy.OnCrash(start.AddMinutes(10)));
    }
}
