using System.Text;
using Heal.LanguageServer.Errors;

namespace Heal.LanguageServer.Tests;

/// <summary>The first-pass scheduler on its own: which files each pass gets, when it is idle, and what it searches the store for.</summary>
public sealed class OpenDocumentsFirstTests
{
    [Fact]
    public void Needles_Names_AsWrittenAndJsonEscapedOnceEach()
    {
        var needles = OpenDocumentsFirst.Needles(["src/Café.cs", "a/Plain.cs", "Plain.cs"]);

        Assert.Equal(["Café.cs", "Caf\\u00E9.cs", "Plain.cs"], needles.Select(Encoding.UTF8.GetString));
    }

    [Fact]
    public async Task RunAsync_FilesRequestedBeforeAndDuringAPass_EachServedOnceInOrderThenIdle()
    {
        var first = new OpenDocumentsFirst();
        var served = new List<string[]>();
        first.Request("src/A.cs");
        first.Request("src/A.cs");

        var run = first.RunAsync((_, _) => Task.FromResult<IReadOnlyList<ErrorEntry>?>([]), (files, _) =>
        {
            served.Add([.. files]);
            if (served.Count == 1)
            {
                first.Request("src/B.cs");
                first.Request("src/A.cs");
            }

            return Task.CompletedTask;
        }, _ => Task.CompletedTask, CancellationToken.None);
        await first.IdleAsync();
        first.Close();
        first.Request("src/C.cs");
        await run;

        Assert.Equal([["src/A.cs"], ["src/B.cs"]], served);
    }

    [Fact]
    public async Task RunAsync_SourceThatCannotFilter_NothingInstalled()
    {
        var first = new OpenDocumentsFirst();
        var installs = 0;
        first.Request("src/A.cs");

        var run = first.RunAsync((_, _) => Task.FromResult<IReadOnlyList<ErrorEntry>?>(null), (_, _) => Task.FromResult(installs++), _ => Task.CompletedTask, CancellationToken.None);
        await first.IdleAsync();
        first.Close();
        await run;

        Assert.Equal(0, installs);
    }
}
