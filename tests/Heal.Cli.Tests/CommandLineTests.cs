using System.CommandLine;
using System.Text.Json;

namespace Heal.Cli.Tests;

/// <summary>The command table as a user meets it: help, typos, exit codes, errors in JSON.</summary>
public sealed class CommandLineTests
{
    public static TheoryData<string> Commands() => [.. CommandLine.Build().Subcommands.Select(c => c.Name)];

    [Fact]
    public void Build_EveryCommandAndOption_HasADescription()
    {
        var missing = CommandLine.Build().Subcommands
            .SelectMany(c => c.Options.Select(o => (Command: c.Name, Symbol: (Symbol)o)).Concat(c.Arguments.Select(a => (Command: c.Name, Symbol: (Symbol)a))).Prepend((c.Name, c)))
            .Where(s => string.IsNullOrWhiteSpace(s.Symbol.Description))
            .Select(s => $"{s.Command} {s.Symbol.Name}")
            .ToList();
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_EachCommand_ListsEveryOptionWithItsDescription(string name)
    {
        var command = CommandLine.Build().Subcommands.Single(c => c.Name == name);
        var (exit, stdout, stderr) = await HealCli.RunAsync(name, "--help");
        Assert.True(exit == 0, stderr);
        Assert.Contains($"Usage:\n  heal {name}", stdout, StringComparison.Ordinal);
        foreach (var option in command.Options.Where(o => o.Name != "--help"))
        {
            Assert.Contains(option.Name, stdout, StringComparison.Ordinal);
            Assert.Contains(option.Description!, stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Run_NoArguments_PrintsTheCommandsAndIsAUsageError()
    {
        var (exit, stdout, _) = await HealCli.RunAsync();
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("fix", stdout, StringComparison.Ordinal);
        Assert.Contains("errors", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "fxi" }, "'fxi' was not matched. Did you mean one of the following?\nfix")]
    [InlineData(new[] { "errors", "--lmit", "3" }, "'--lmit' was not matched. Did you mean one of the following?\n--limit")]
    [InlineData(new[] { "diagnose", "--repo", ".", "--evnt", "e.json" }, "Did you mean one of the following?\n--event")]
    public async Task Run_Typo_SuggestsTheNameOnStderrAndIsAUsageError(string[] args, string suggestion)
    {
        var (exit, stdout, stderr) = await HealCli.RunAsync(args);
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal("", stdout);
        Assert.Contains(suggestion, stderr, StringComparison.Ordinal);
        Assert.Contains("--help' for the options.", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "errors", "--json", "--limit", "many" }, "usage", 2)]
    [InlineData(new[] { "errors", "--json", "--store", "/nonexistent/heal.db" }, "store-not-found", 2)]
    [InlineData(new[] { "fix", "--json", "--repo", "/nonexistent/repo", "--event", "e.json" }, "repo-not-found", 2)]
    [InlineData(new[] { "diagnose", "--json", "--repo", "." }, "usage", 2)]
    public async Task Run_JsonAndAnError_PrintsTheErrorAsJson(string[] args, string code, int exitCode)
    {
        var (exit, stdout, stderr) = await HealCli.RunAsync(args);
        Assert.Equal(exitCode, exit);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("error", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(code, json.RootElement.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("error").GetString()));
        Assert.NotEqual("", stderr);
    }

    [Fact]
    public async Task Run_MissingStore_SameCodeAndExitFromEveryCommandThatReadsIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"heal-missing-{Guid.NewGuid():N}.db");
        var errors = await HealCli.RunAsync("errors", "--json", "--store", missing);
        var fix = await HealCli.RunAsync("fix", "--json", "--repo", Path.GetTempPath(), "--store", missing, "--group", "0123456789abcdef");
        Assert.Equal((ExitCodes.Usage, ExitCodes.Usage), (errors.Exit, fix.Exit));
        Assert.Equal(JsonDocument.Parse(errors.Stdout).RootElement.GetProperty("code").GetString(), JsonDocument.Parse(fix.Stdout).RootElement.GetProperty("code").GetString());
        Assert.Contains($"no store at '{missing}'", errors.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_PrintsTheToolVersion()
    {
        var (exit, stdout, _) = await HealCli.RunAsync("--version");
        Assert.Equal(0, exit);
        Assert.Matches(@"^\d+\.\d+\.\d+", stdout);
    }

    [Fact]
    public void Json_RelaxedEscaping_KeepsBackticksAndQuotesReadable()
    {
        var text = CliJson.Error("usage", "use `heal fix` with 'quotes' & \"double\" <tags>");
        Assert.Contains("use `heal fix` with 'quotes' & \\\"double\\\" <tags>", text, StringComparison.Ordinal);
        Assert.Equal("use `heal fix` with 'quotes' & \"double\" <tags>", JsonDocument.Parse(text).RootElement.GetProperty("error").GetString());
    }
}
