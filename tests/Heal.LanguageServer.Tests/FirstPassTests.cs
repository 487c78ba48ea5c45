using System.Text.Json.Nodes;
using Heal.Testing.Samples;

namespace Heal.LanguageServer.Tests;

/// <summary>
/// Errors on the open files first, over the real process: a file open before the first load gets its diagnostics from a
/// first pass over only the groups that name it, and those are exactly what the full load gives it.
/// </summary>
public sealed class FirstPassTests
{
    /// <summary>A second crash that throws in Discount.cs and never passes through PriceCalculator.cs.</summary>
    private static string CrashInDiscount() => ShopRepository.EventJson()
        .Replace("5f0d5c1e2a3b4c5d6e7f8091a2b3c4d5", "6f0d5c1e2a3b4c5d6e7f8091a2b3c4d5", StringComparison.Ordinal)
        .Replace("PriceCalculator.cs", "Discount.cs", StringComparison.Ordinal)
        .Replace("decimal PriceCalculator.Discounted(Customer customer, decimal price)", "decimal Discount.get_Rate()", StringComparison.Ordinal)
        .Replace("\"lineno\": 7", "\"lineno\": 5", StringComparison.Ordinal);

    [Fact]
    public async Task DidOpen_BeforeTheFirstLoad_FirstPassReadsOnlyTheGroupNamingTheFileAndPublishesWhatTheFullLoadGives()
    {
        await using var world = await LspWorld.CreateWithThrowingFileOpenAsync(ShopRepository.EventJson(), CrashInDiscount());

        var log = await world.Client.WaitForNotificationAsync("window/logMessage", p => ((string)p!["message"]!).StartsWith("heal: first pass", StringComparison.Ordinal));
        var first = await world.Client.DiagnosticsAsync(world.ThrowingUri, d => d.Count > 0);
        await world.Client.RequestAsync("heal/listErrors", new JsonObject());

        Assert.StartsWith("heal: first pass over 1 open file: 1 groups read and linked in ", (string)log["params"]!["message"]!);
        var publishes = world.Client.Notifications("textDocument/publishDiagnostics").Where(n => (string?)n["params"]!["uri"] == world.ThrowingUri).ToList();
        Assert.Equal(Shape(first), Shape(publishes[^1]["params"]!["diagnostics"]!.AsArray()));
        Assert.Equal(first.ToJsonString(), publishes[0]["params"]!["diagnostics"]!.ToJsonString());
    }

    private static string Shape(JsonArray diagnostics) =>
        string.Join(';', diagnostics.Select(d => $"{d!["code"]}@{d["range"]!.ToJsonString()}/{d["severity"]}"));
}
