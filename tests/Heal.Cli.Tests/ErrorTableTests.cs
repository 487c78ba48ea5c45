using Heal.Cli.Commands;
using Heal.Core.Model;

namespace Heal.Cli.Tests;

/// <summary>The <c>heal errors</c> table: what it shows, and how it fits a terminal.</summary>
public sealed class ErrorTableTests
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("/home/runner/work/shop/shop/src/Orders/PricingService.cs:27", 60, "/home/runner/work/shop/shop/src/Orders/PricingService.cs:27")]
    [InlineData("/home/runner/work/shop/shop/src/Orders/PricingService.cs:27", 40, "…/shop/src/Orders/PricingService.cs:27")]
    [InlineData("/home/runner/work/shop/shop/src/Orders/PricingService.cs:27", 24, "…/PricingService.cs:27")]
    [InlineData(@"C:\agent\_work\1\s\src\Orders\PricingService.cs:27", 30, @"…\Orders\PricingService.cs:27")]
    [InlineData("/src/AVeryLongFileNameThatDoesNotFitAnywhere.cs:1234", 20, "…FitAnywhere.cs:1234")]
    public void ClipPath_TooLong_CutsWholeDirectoriesFromTheStartKeepingFileAndLine(string where, int max, string expected)
    {
        var clipped = ErrorTable.ClipPath(where, max);
        Assert.Equal(expected, clipped);
        Assert.True(clipped.Length <= max);
    }

    [Fact]
    public void Render_Groups_ShortIdFirstAndEveryLineFitsTheWidth()
    {
        var groups = new[]
        {
            Group("873a7e66abd13d59", "System.NullReferenceException", "Object reference not set to an instance of an object.", "/home/runner/work/shop/shop/src/Orders/Services/Pricing/PricingService.cs", 27),
            Group("0badc0de00000001", "System.Collections.Generic.KeyNotFoundException", "The given key 'sku-42' was not present in the dictionary, which is a fairly long message to show.", "/_/src/Inventory.cs", 8),
        };

        var lines = ErrorTable.Render(groups, s_now, 100).TrimEnd('\n').Split('\n');

        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^ID\s+STATUS\s+COUNT\s+LAST SEEN\s+ERROR\s+WHERE$", lines[0]);
        Assert.StartsWith("873a7e66  open", lines[1], StringComparison.Ordinal);
        Assert.Contains("NullReferenceException: Object", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("PricingService.cs:27", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("/_/src/Inventory.cs:8", lines[2], StringComparison.Ordinal);
        Assert.All(lines, l => Assert.True(l.Length <= 100, $"{l.Length} columns: {l}"));
    }

    [Fact]
    public void Render_HostileMessage_ControlAndBidiCharactersNeverReachTheTerminal()
    {
        var line = ErrorTable.Render([Group("873a7e66abd13d59", "System.Exception", "evil\u001b[2J\nsecond line\u202eesrever", "/src/A.cs", 1)], s_now, 200).Split('\n')[1];
        Assert.DoesNotContain('\u001b', line);
        Assert.DoesNotContain('\u202e', line);
        Assert.Contains("evil [2J second line esrever", line, StringComparison.Ordinal);
    }

    private static ErrorGroup Group(string id, string type, string message, string path, int line) =>
        new(id, id + id, type, message, 3, s_now.AddDays(-1), s_now.AddMinutes(-5), "shop@1.4.2", GroupStatus.Open,
            StackFrame.Create(absolutePath: path, function: "Run", line: line, inApp: true), "e1");
}
