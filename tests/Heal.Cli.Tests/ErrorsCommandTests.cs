using System.Text;
using System.Text.Json;
using Heal.Core.Grouping;
using Heal.Core.Model;
using Heal.Feed.Store;
using Heal.Testing;

namespace Heal.Cli.Tests;

/// <summary><c>heal errors</c> and <c>--group</c> against a real store file.</summary>
public sealed class ErrorsCommandTests
{
    [Fact]
    public async Task Errors_GroupByShortId_ShowsTheGroupItsStackAndHowToFixIt()
    {
        using var folder = new TempDirectory("heal-errors");
        var store = await StoreWithAsync(folder, Event("NullReferenceException", "PricingService.cs", 27));
        var (_, listed, _) = await HealCli.RunAsync("errors", "--store", store, "--json");
        var id = JsonDocument.Parse(listed).RootElement[0].GetProperty("id").GetString()!;

        var (exit, stdout, stderr) = await HealCli.RunAsync("errors", "--store", store, "--group", id[..8]);

        Assert.True(exit == 0, stderr);
        Assert.StartsWith($"{id}  open\nSystem.NullReferenceException: boom\n1 event, first seen", stdout, StringComparison.Ordinal);
        Assert.Contains("  at decimal PricingService.Total() in /home/runner/work/shop/shop/src/PricingService.cs:27\n", stdout, StringComparison.Ordinal);
        Assert.Contains("  at void Program.Main() in /usr/share/dotnet/lib.cs:3  (library)\n", stdout, StringComparison.Ordinal);
        Assert.EndsWith($"fix it: heal fix --repo <your repository> --group {id[..8]}\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_GroupJson_CarriesTheFramesOfTheLatestEvent()
    {
        using var folder = new TempDirectory("heal-errors");
        var store = await StoreWithAsync(folder, Event("NullReferenceException", "PricingService.cs", 27));
        var (_, listed, _) = await HealCli.RunAsync("errors", "--store", store, "--json");
        var id = JsonDocument.Parse(listed).RootElement[0].GetProperty("id").GetString()!;

        var (exit, stdout, _) = await HealCli.RunAsync("errors", "--store", store, "--group", id, "--json");

        Assert.Equal(0, exit);
        var frames = JsonDocument.Parse(stdout).RootElement.GetProperty("exceptions")[0].GetProperty("frames");
        Assert.Equal(("/home/runner/work/shop/shop/src/PricingService.cs", 27, true),
            (frames[0].GetProperty("file").GetString(), frames[0].GetProperty("line").GetInt32(), frames[0].GetProperty("inApp").GetBoolean()));
    }

    [Theory]
    [InlineData("ffff", "group-not-found")]
    [InlineData("xyz!", "usage")]
    [InlineData("12", "usage")]
    public async Task Errors_UnknownOrMalformedGroup_CodedUsageError(string reference, string code)
    {
        using var folder = new TempDirectory("heal-errors");
        var store = await StoreWithAsync(folder, Event("NullReferenceException", "PricingService.cs", 27));
        var (exit, stdout, _) = await HealCli.RunAsync("errors", "--store", store, "--group", reference, "--json");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Equal(code, JsonDocument.Parse(stdout).RootElement.GetProperty("code").GetString());
    }

    internal static string Event(string type, string file, int line) => $$$"""
        {"event_id":"{{{Guid.NewGuid():N}}}","timestamp":"2026-12-07T10:00:00Z","platform":"csharp","release":"shop@1.4.2","environment":"production",
         "exception":{"values":[{"type":"System.{{{type}}}","value":"boom","stacktrace":{"frames":[
           {"filename":"lib.cs","abs_path":"/usr/share/dotnet/lib.cs","function":"void Program.Main()","lineno":3,"in_app":false},
           {"filename":"{{{file}}}","abs_path":"/home/runner/work/shop/shop/src/{{{file}}}","function":"decimal PricingService.Total()","lineno":{{{line}}},"in_app":true}]}}]}}
        """;

    /// <summary>A real store file holding <paramref name="eventJsons"/>, grouped as the receiver groups them.</summary>
    internal static async Task<string> StoreWithAsync(TempDirectory folder, params string[] eventJsons)
    {
        var path = folder.Combine("heal.db");
        await using var store = SqliteErrorStore.Open(path);
        await store.AppendAsync(eventJsons.Select(json =>
        {
            var errorEvent = ErrorEvent.FromSentryJson(json).Value!;
            var fingerprint = Fingerprint.Compute(errorEvent);
            var culprit = errorEvent.Culprit;
            return new NewEvent(errorEvent.Id, fingerprint.GroupId, fingerprint.Hash, fingerprint.Basis, culprit?.Type ?? "message",
                culprit?.Value ?? errorEvent.Message, errorEvent.Timestamp, DateTimeOffset.UtcNow, errorEvent.Release,
                culprit?.ThrowingFrame, Encoding.UTF8.GetBytes(json), []);
        }).ToList(), CancellationToken.None);
        return path;
    }
}
