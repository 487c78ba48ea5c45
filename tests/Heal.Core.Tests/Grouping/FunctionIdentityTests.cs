using Heal.Core.Grouping;

namespace Heal.Core.Tests.Grouping;

public sealed class FunctionIdentityTests
{
    [Theory]
    // The .NET SDK's demystified signatures, with the declaring type as module.
    [InlineData("Demo.Worker", "int Worker.Helper(int a, int b)", "Demo.Worker.Helper")]
    [InlineData("Demo.Worker", "async Task<Dictionary<string, int>> Worker.LoadAsync(string path, CancellationToken ct)", "Demo.Worker.LoadAsync")]
    [InlineData("Program", "void Program.Main(string[] args)+(int x) => { }", "Program.Main")]
    [InlineData("Demo.Cache`1", "TValue Cache<TValue>.Get(string key)", "Demo.Cache.Get")]
    // Raw runtime names: state machines, lambdas, local functions, generic arity.
    [InlineData("Demo.Worker+<RunAsync>d__5", "MoveNext", "Demo.Worker.RunAsync")]
    [InlineData(null, "Demo.Worker.<RunAsync>d__5.MoveNext", "Demo.Worker.RunAsync")]
    [InlineData(null, "Demo.Program.<Main>b__0_0", "Demo.Program.Main")]
    [InlineData("Demo.Program+<>c", "<Main>b__0_0", "Demo.Program.Main")]
    [InlineData(null, "Demo.Program.<>c__DisplayClass0_0.<Main>b__1", "Demo.Program.Main")]
    [InlineData(null, "Demo.Program.<Main>g__Local|0_0", "Demo.Program.Main")]
    [InlineData(null, "System.Collections.Generic.List`1.get_Item", "System.Collections.Generic.List.get_Item")]
    [InlineData(null, "Demo.Repo.Find[T](Int32 id)", "Demo.Repo.Find")]
    // Other runtimes.
    [InlineData("express.lib.router:layer", "Layer.handle [as handle_request]", "express.lib.router:layer.Layer.handle")]
    [InlineData(null, "async showUser", "showUser")]
    [InlineData(null, "Object.<anonymous>", "Object.<anonymous>")]
    [InlineData("__main__", "<module>", "__main__.<module>")]
    [InlineData(null, "block (2 levels) in average", "average")]
    [InlineData("main", "(*Server).handle.func1", "main.(*Server).handle")]
    [InlineData(null, "com.shop.Cart.lambda$total$0", "com.shop.Cart.total")]
    [InlineData(null, null, "")]
    public void Of_ModuleAndFunction_IsTheCodeIdentity(string? module, string? function, string expected) =>
        Assert.Equal(expected, FunctionIdentity.Of(module, function));
}
