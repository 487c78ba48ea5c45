using System.Text.Json;
using Heal.Cli;
using Heal.Core.Diffs;
using Heal.Repair.Tests.Rules;

namespace Heal.Repair.Tests.Cli;

public sealed class DiagnoseCommandTests
{
    [Fact]
    public async Task Diagnose_DocumentedFallback_JsonDiagnosedWithPatchThatApplies()
    {
        // The method documents what an empty order yields, so the divide-by-zero rule can fix it.
        var fixture = Samples.Shop.Replace(
            "    public decimal AveragePrice(Order order)",
            "    /// <returns>The average price, or 0 when the order has no lines.</returns>\n    public decimal AveragePrice(Order order)",
            StringComparison.Ordinal);
        var eventJson = Samples.ShopEvent.Replace("\"lineno\": 10", "\"lineno\": 11", StringComparison.Ordinal);

        var (exit, stdout, _) = await RunOn(fixture, eventJson, "--offline", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("diagnosed", root.GetProperty("status").GetString());
        Assert.Equal("rules/divide-by-zero", root.GetProperty("diagnoser").GetString());
        Assert.Equal([Samples.ShopThrowingFile], root.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        Assert.InRange(root.GetProperty("confidence").GetDouble(), 0.01, 1);
        Assert.NotEqual(0, root.GetProperty("reasons").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("declineReason").ValueKind);
        var patch = Patch.Parse(root.GetProperty("patch").GetString()!).Value!;
        var original = RuleFixture.ParseFiles(fixture)[Samples.ShopThrowingFile];
        var patched = Patch.ApplyTo(original, Assert.Single(patch.Files)).Value!;
        Assert.Contains("return order.Total / count;", patched, StringComparison.Ordinal);
        Assert.NotEqual(original, patched);
    }

    [Fact]
    public async Task Diagnose_DocAndVisibleTestDisagree_JsonDeclinesWithBothCandidatesAndTheirEvidence()
    {
        // The documentation says 0 for an empty order, a visible test of the same case expects -1: two behaviours, no winner.
        var fixture = Samples.Shop
            .Replace("    public decimal AveragePrice(Order order)",
                "    /// <returns>The average price, or 0 when the order has no lines.</returns>\n    public decimal AveragePrice(Order order)", StringComparison.Ordinal)
            .Replace("    public void AveragePrice_TwoLines_IsMean()",
                "    [Fact]\n    public void AveragePrice_NoLines_IsMinusOne() => Assert.Equal(-1m, new OrderService().AveragePrice(new Order()));\n\n    public void AveragePrice_TwoLines_IsMean()",
                StringComparison.Ordinal);
        var eventJson = Samples.ShopEvent.Replace("\"lineno\": 10", "\"lineno\": 11", StringComparison.Ordinal);

        var (exit, stdout, _) = await RunOn(fixture, eventJson, "--offline", "--json");

        Assert.Equal(3, exit);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("declined", root.GetProperty("status").GetString());
        Assert.Contains("more than one way", root.GetProperty("declineReason").GetString(), StringComparison.Ordinal);
        var candidates = root.GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(2, candidates.Count);
        Assert.Equal(["return -1m;", "return 0;"], candidates.Select(c => c.GetProperty("patch").GetString()!)
            .Select(p => p.Contains("return 0;", StringComparison.Ordinal) ? "return 0;" : p.Contains("return -1m;", StringComparison.Ordinal) ? "return -1m;" : p).Order());
        Assert.All(candidates, c => Assert.InRange(c.GetProperty("score").GetDouble(), 0.3, 0.95));
        var kinds = candidates.SelectMany(c => c.GetProperty("evidence").EnumerateArray()).Select(e => e.GetProperty("kind").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "doc", "test" }, kinds);
        var evidence = root.GetProperty("evidence").EnumerateArray().ToList();
        Assert.Contains(evidence, e => e.GetProperty("kind").GetString() == "doc" && e.GetProperty("outcome").GetString() == "return `0`"
            && e.GetProperty("path").GetString() == Samples.ShopThrowingFile && e.GetProperty("line").GetInt32() == 7);
        Assert.Contains(evidence, e => e.GetProperty("kind").GetString() == "throwing frame" && e.GetProperty("text").GetString() == "return order.Total / count;");
    }

    [Fact]
    public async Task Diagnose_DocumentedFallback_TextShowsRootCausePatchAndConfidence()
    {
        var fixture = Samples.Shop.Replace(
            "    public decimal AveragePrice(Order order)",
            "    /// <returns>The average price, or 0 when the order has no lines.</returns>\n    public decimal AveragePrice(Order order)",
            StringComparison.Ordinal);

        var (exit, stdout, _) = await RunOn(fixture, Samples.ShopEvent.Replace("\"lineno\": 10", "\"lineno\": 11", StringComparison.Ordinal));

        Assert.Equal(0, exit);
        Assert.Contains("Diagnosed by rules/divide-by-zero", stdout, StringComparison.Ordinal);
        Assert.Contains("Root cause:\n  `order.Total / count` divides by `count`", stdout, StringComparison.Ordinal);
        Assert.Contains("diff --git a/src/Shop.Api/OrderService.cs b/src/Shop.Api/OrderService.cs", stdout, StringComparison.Ordinal);
        Assert.Matches(@"Confidence: 0\.\d\d\n  [+-]\d\.\d\d ", stdout);
    }

    [Fact]
    public async Task Diagnose_NoRuleForType_JsonDeclinedWithEvidence()
    {
        var (exit, stdout, _) = await Run(Samples.ShopEvent.Replace("System.DivideByZeroException", "System.NotSupportedException", StringComparison.Ordinal), "--offline", "--json");

        Assert.Equal(3, exit);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("declined", root.GetProperty("status").GetString());
        Assert.Equal("no offline rule for NotSupportedException", root.GetProperty("declineReason").GetString());
        Assert.Equal("rules", root.GetProperty("diagnoser").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("patch").ValueKind);
        Assert.Equal(0, root.GetProperty("files").GetArrayLength());
        Assert.Equal(0, root.GetProperty("reasons").GetArrayLength());
        Assert.Equal(0, root.GetProperty("confidence").GetDouble());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("fixKind").ValueKind);
        Assert.Equal(
            ["src/Shop.Api/OrderService.cs:10 throwing frame: return order.Total / count;", "src/Shop.Api/Program.cs:5 caller: Console.WriteLine(service.AveragePrice(new Order()));"],
            root.GetProperty("evidence").EnumerateArray().Select(e => $"{e.GetProperty("path").GetString()}:{e.GetProperty("line").GetInt32()} {e.GetProperty("role").GetString()}: {e.GetProperty("source").GetString()}"));
        Assert.StartsWith("System.NotSupportedException: Attempted to divide by zero.", root.GetProperty("rootCause").GetString(), StringComparison.Ordinal);
        Assert.True(root.GetProperty("timings").GetProperty("loadMs").GetDouble() > 0);
        Assert.True(root.GetProperty("timings").GetProperty("diagnoseMs").GetDouble() > 0);
    }

    [Fact]
    public async Task Diagnose_NoRuleForType_TextSaysWhyAndWhatIsKnown()
    {
        var (exit, stdout, _) = await Run(Samples.ShopEvent.Replace("System.DivideByZeroException", "System.NotSupportedException", StringComparison.Ordinal));

        Assert.Equal(3, exit);
        Assert.Contains("Declined by rules (offline: ", stdout, StringComparison.Ordinal);
        Assert.Contains("): no offline rule for NotSupportedException", stdout, StringComparison.Ordinal);
        Assert.Contains("src/Shop.Api/OrderService.cs:10 (throwing frame): return order.Total / count;", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_EventFromAnotherRepository_DeclinedNoFrameLinks()
    {
        var (exit, stdout, _) = await Run(Samples.ShopEvent.Replace("Shop.Api/", "Other.Api/", StringComparison.Ordinal).Replace("OrderService.cs", "Billing.cs", StringComparison.Ordinal)
            .Replace("Program.cs", "Main.cs", StringComparison.Ordinal), "--json");

        Assert.Equal(3, exit);
        using var json = JsonDocument.Parse(stdout);
        Assert.Contains("no in-app frame of the System.DivideByZeroException links to a file of the repository", json.RootElement.GetProperty("declineReason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "diagnose", "--event", "EVENT" }, "Option '--repo' is required.")]
    [InlineData(new[] { "diagnose", "--repo", "REPO" }, "Option '--event' is required.")]
    [InlineData(new[] { "diagnose", "--repo", "REPO", "--event", "REPO/missing.json" }, "cannot read the event file 'REPO/missing.json'")]
    [InlineData(new[] { "diagnose", "--repo", "REPO", "--event", "REPO/src" }, "cannot read the event file 'REPO/src'")]
    [InlineData(new[] { "diagnose", "--repo", "REPO", "--event", "REPO/Shop.sln" }, "the event file 'REPO/Shop.sln' is not a Sentry event")]
    [InlineData(new[] { "diagnose", "--repo", "REPO/nowhere", "--event", "EVENT" }, "--repo 'REPO/nowhere' is not a directory.")]
    [InlineData(new[] { "diagnose", "--repo", "REPO", "--event", "EVENT", "--fast" }, "Unrecognized command or argument '--fast'.")]
    [InlineData(new[] { "diagnose", "--repo", "REPO", "--event", "EVENT", "extra" }, "Unrecognized command or argument 'extra'.")]
    public async Task Diagnose_BadArguments_UsageErrorSaysWhich(string[] args, string message)
    {
        using var repository = TempRepository.Create(Samples.Shop);
        var eventFile = repository.Write("event.json", Samples.ShopEvent);
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await CommandLine.RunAsync(
            [.. args.Select(a => a.Replace("REPO", repository.Root, StringComparison.Ordinal).Replace("EVENT", eventFile, StringComparison.Ordinal))],
            stdout, stderr, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains(message.Replace("REPO", repository.Root, StringComparison.Ordinal), stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal("", stdout.ToString());
    }

    /// <summary>Runs <c>heal diagnose</c> in-process on a repository (the three-project sample by default) with <paramref name="eventJson"/>.</summary>
    internal static Task<(int Exit, string Stdout, string Stderr)> Run(string eventJson, params string[] options) =>
        RunOn(Samples.Shop, eventJson, options);

    internal static async Task<(int Exit, string Stdout, string Stderr)> RunOn(string fixture, string eventJson, params string[] options)
    {
        using var repository = TempRepository.Create(fixture);
        var eventFile = Path.Combine(Path.GetTempPath(), $"heal-event-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(eventFile, eventJson);
        try
        {
            var before = repository.Snapshot();
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var exit = await CommandLine.RunAsync(["diagnose", "--repo", repository.Root, "--event", eventFile, .. options], stdout, stderr, CancellationToken.None);
            Assert.Equal(before, repository.Snapshot());
            return (exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            File.Delete(eventFile);
        }
    }
}
