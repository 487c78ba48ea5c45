namespace Heal.Cli.Tests;

/// <summary>Tab completion: the scripts, and the [suggest] directive they call.</summary>
public sealed class CompletionTests
{
    [Theory]
    [InlineData("heal f", "feed", "fix")]
    [InlineData("heal fix --re", "--repo")]
    [InlineData("heal errors --", "--store", "--json", "--limit")]
    public async Task Suggest_PartialCommandLine_OffersTheMatchingNames(string line, params string[] expected)
    {
        var (exit, stdout, _) = await HealCli.RunAsync($"[suggest:{line.Length}]", line);
        Assert.Equal(0, exit);
        var offered = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Superset(expected.ToHashSet(), offered.ToHashSet());
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _heal_complete heal")]
    [InlineData("zsh", "compdef _heal_complete heal")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName heal")]
    public async Task Completion_Shell_PrintsAScriptThatAsksHeal(string shell, string expected)
    {
        var (exit, stdout, _) = await HealCli.RunAsync("completion", shell);
        Assert.Equal(0, exit);
        Assert.Contains(expected, stdout, StringComparison.Ordinal);
        Assert.Contains("[suggest:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Completion_UnknownShell_IsAUsageError()
    {
        var (exit, _, stderr) = await HealCli.RunAsync("completion", "fish");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("fish", stderr, StringComparison.Ordinal);
    }
}
