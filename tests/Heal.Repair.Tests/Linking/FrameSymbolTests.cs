using Heal.Repair.Linking;

namespace Heal.Repair.Tests.Linking;

public sealed class FrameSymbolTests
{
    [Theory]
    [InlineData("MyApp.Services.Worker", "int Worker.Helper(int a, int b)", "MyApp.Services|Worker|Helper")]
    [InlineData(null, "int Worker.Helper(int a, int b)", "|Worker|Helper")]
    [InlineData(null, "Shop.Orders.OrderService.Total", "Shop.Orders|OrderService|Total")]
    [InlineData("Shop.Worker+<RunAsync>d__5", "MoveNext", "Shop|Worker|RunAsync")]
    [InlineData("Shop.Worker+<RunAsync>d__5", "MoveNext()", "Shop|Worker|RunAsync")]
    [InlineData("Shop.Program+<>c", "<Main>b__0_0", "Shop|Program|Main")]
    [InlineData("Shop.Program+<>c__DisplayClass0_0", "<Main>b__1", "Shop|Program|Main")]
    [InlineData("Shop.Program", "<Main>g__Local|0_0", "Shop|Program|Local")]
    [InlineData("Shop.Outer+Inner", "Run", "Shop|Outer.Inner|Run")]
    [InlineData("Shop.Repository`1", "Get", "Shop|Repository|Get")]
    [InlineData("Shop.Worker", ".ctor", "Shop|Worker|Worker")]
    [InlineData(null, "async Task<int> Worker.RunAsync(CancellationToken ct)", "|Worker|RunAsync")]
    [InlineData(null, "Dictionary<string, int> Cache.Load<T>(T key)", "|Cache|Load")]
    [InlineData(null, null, "||")]
    public void Parse_ModuleAndFunction_NamesNamespaceTypeAndMethod(string? module, string? function, string expected)
    {
        var symbol = FrameSymbol.Parse(module, function);
        Assert.Equal(expected, $"{symbol.Namespace}|{string.Join('.', symbol.Types)}|{symbol.Method}");
    }
}
