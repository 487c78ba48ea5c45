using System.Text;
using Heal.Core.Model;
using Heal.Repair.Context;
using Heal.Repair.Workspace;

namespace Heal.Repair.Tests.Context;

public sealed class RoslynContextBuilderTests
{
    [Fact]
    public async Task Build_ShopCrash_SnippetsMostImportantFirst()
    {
        var context = await Build(Samples.ShopEvent);

        Assert.NotNull(context);
        Assert.Equal(
            [
                "src/Shop.Api/OrderService.cs:7 throwing method",
                "src/Shop.Api/Program.cs:1 caller",
                "src/Shop.Api/OrderService.cs:13 called method",
                "src/Shop.Core/Order.cs:3 type",
                "tests/Shop.Tests/OrderServiceTests.cs:8 test",
            ],
            context!.Snippets.Select(s => $"{s.RelativePath}:{s.StartLine} {s.Role}"));
        Assert.StartsWith("    public decimal AveragePrice(Order order)", context.Snippets[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("return order.Total / count;\n    }", context.Snippets[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_ShopCrash_FramesThrowingFirstAndAllowedFilesAreFramesFiles()
    {
        var context = await Build(Samples.ShopEvent);

        Assert.Equal(["src/Shop.Api/OrderService.cs:10", "src/Shop.Api/Program.cs:5"], context!.Frames.Select(f => $"{f.RelativePath}:{f.Line}"));
        Assert.Equal(["src/Shop.Api/OrderService.cs", "src/Shop.Api/Program.cs"], context.AllowedFiles.ToArray());
        Assert.Equal("System.DivideByZeroException", context.Exception.Type);
    }

    [Theory]
    [InlineData(600)]
    [InlineData(2048)]
    [InlineData(RoslynContextBuilder.DefaultBudget)]
    public async Task Build_Budget_TotalSizeStaysWithinAndThrowingMethodComesFirst(int budget)
    {
        var context = await Build(Samples.ShopEvent, budget);

        Assert.InRange(context!.Snippets.Sum(s => Encoding.UTF8.GetByteCount(s.Text) + 1), 1, budget);
        Assert.Equal("throwing method", context.Snippets[0].Role);
    }

    [Fact]
    public async Task Build_NoFrameLinks_IsNull()
    {
        Assert.Null(await Build(Samples.ShopEvent.Replace("OrderService.cs", "Elsewhere.cs", StringComparison.Ordinal).Replace("Program.cs", "Main.cs", StringComparison.Ordinal)));
    }

    private static async Task<RepairContext?> Build(string eventJson, int budget = RoslynContextBuilder.DefaultBudget)
    {
        using var repository = TempRepository.Create(Samples.Shop);
        var errorEvent = ErrorEvent.FromSentryJson(eventJson).Value!;
        return await new RoslynContextBuilder(new WorkspaceProvider(), budget).BuildAsync(new RepairRequest(errorEvent, repository.Root), CancellationToken.None);
    }
}
