using Heal.Core.Model;
using Heal.Repair.Workspace;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Tests.Workspace;

public sealed class CrashSiteBuilderTests
{
    [Fact]
    public async Task Build_ShopEvent_ThrowingIsDeepestLinkedFrameAndCallersNearestFirst()
    {
        using var repository = TempRepository.Create(Samples.Shop);
        var workspace = await new WorkspaceProvider().GetAsync(repository.Root, CancellationToken.None);
        var errorEvent = ErrorEvent.FromSentryJson(Samples.ShopEvent).Value!;

        var result = await CrashSiteBuilder.BuildAsync(workspace, errorEvent, CancellationToken.None);

        var site = Assert.IsType<Heal.Repair.Rules.CrashSite>(result.Site);
        Assert.Equal($"{Samples.ShopThrowingFile}:{Samples.ShopThrowingLine}", $"{site.Throwing.RelativePath}:{site.Throwing.Frame.Line}");
        Assert.Equal("return order.Total / count;", site.Throwing.Text.ToString(site.Throwing.LineSpan).Trim());
        Assert.Equal("AveragePrice", Assert.IsType<MethodDeclarationSyntax>(site.Throwing.Member).Identifier.ValueText);
        Assert.Equal(["src/Shop.Api/Program.cs:5"], site.Callers.Select(c => $"{c.RelativePath}:{c.Frame.Line}"));
        Assert.Equal("DivideByZeroException", site.ExceptionName);
        Assert.Equal(1, site.Throwing.Frame.Index);
        Assert.Empty(site.Throwing.SemanticModel.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    [Fact]
    public async Task Get_SameRepositoryTwice_LoadsOnceUntilInvalidated()
    {
        using var repository = TempRepository.Create(Samples.Shop);
        var loads = 0;
        var provider = new WorkspaceProvider((root, token) =>
        {
            Interlocked.Increment(ref loads);
            return AdhocWorkspaceLoader.LoadAsync(root, token);
        });

        var first = await provider.GetAsync(repository.Root, CancellationToken.None);
        var second = await provider.GetAsync(repository.Root + "/", CancellationToken.None);
        provider.Invalidate(repository.Root);
        var third = await provider.GetAsync(repository.Root, CancellationToken.None);

        Assert.Same(first, second);
        Assert.NotSame(first, third);
        Assert.Equal(2, loads);
    }
}
