using System.Collections.Immutable;
using Heal.Core.Model;
using Heal.Repair.Linking;

namespace Heal.Repair.Tests.Linking;

public sealed class FrameLinkerTests
{
    private const string Worker = """
        //- src/App/Worker.cs
        namespace Shop.App;

        public sealed class Worker
        {
            public int Helper(int a, int b)
            {
                var sum = a + b;
                return sum / (a - b);
            }

            public async Task<int> RunAsync()
            {
                await Task.Yield();
                return Helper(1, 1);
            }
        }
        //- web/index.js
        function main() {
          throw new Error("boom");
        }
        //- README.md
        Worker
        """;

    private const string TwoOrders = """
        //- A/Models/Order.cs
        namespace Shop.A;

        public sealed class Order
        {
            public int Total() => 1;
        }
        //- B/Models/Order.cs
        namespace Shop.B;

        public sealed class Order
        {
            public int Total() => 2;
        }
        """;

    private const string TwoWorkers = """
        //- src/App/Worker.cs
        namespace Shop.App;
        public sealed class Worker { public void Run() { } }
        //- src/Other/Worker.cs
        namespace Shop.Other;
        public sealed class Worker { public void Stop() { } }
        """;

    [Theory]
    [InlineData("/home/runner/work/r/r/src/App/Worker.cs")]
    [InlineData(@"C:\agent\_work\1\s\src\App\Worker.cs")]
    [InlineData("/_/src/App/Worker.cs")]
    [InlineData("Worker.cs")]
    [InlineData("src/App/Worker.cs")]
    [InlineData("/build/SRC/app/worker.cs")]
    [InlineData(@"D:\a\shop\shop\src\App\Worker.cs")]
    public void Link_PathFromAnyBuildMachine_LinksWorkspaceFile(string reported)
    {
        Check(Worker, Frame(reported, line: 8), "src/App/Worker.cs:8");
    }

    [Theory]
    [InlineData("/usr/src/app/web/index.js", "web/index.js:2")]
    [InlineData("webpack:///./web/index.js", "web/index.js:2")]
    [InlineData("app:///web/index.js", "web/index.js:2")]
    public void Link_NodePaths_LinkWorkspaceFile(string reported, string expected)
    {
        Check(Worker, Frame(reported, line: 2), expected);
    }

    [Theory]
    [InlineData("/x/src/Other/Worker.cs", "src/Other/Worker.cs:2")]
    [InlineData("/x/src/App/Worker.cs", "src/App/Worker.cs:2")]
    public void Link_SeveralFilesSameName_LongestSuffixWins(string reported, string expected)
    {
        Check(TwoWorkers, Frame(reported, line: 2), expected);
    }

    [Theory]
    [InlineData("Shop.B.Order", "Total", "B/Models/Order.cs:5")]
    [InlineData("Shop.A.Order", "Total", "A/Models/Order.cs:5")]
    [InlineData(null, "Total", null)]
    public void Link_BareNameTiedByPath_DisambiguatedByNamespace(string? module, string function, string? expected)
    {
        Check(TwoOrders, Frame("Order.cs", line: 5, module: module, function: function), expected);
    }

    [Theory]
    [InlineData(null, "void Worker.Stop()", "src/Other/Worker.cs:2")]
    [InlineData(null, "void Worker.Run()", "src/App/Worker.cs:2")]
    [InlineData("Shop.Other.Worker", "Stop", "src/Other/Worker.cs:2")]
    public void Link_BareNameTiedByPath_DisambiguatedByMethod(string? module, string function, string expected)
    {
        Check(TwoWorkers, Frame("Worker.cs", line: 2, module: module, function: function), expected);
    }

    [Fact]
    public void Link_AsyncStateMachineFrame_LinksByMethodName()
    {
        Check(TwoWorkers, Frame("Worker.cs", line: 2, module: "Shop.App.Worker+<Run>d__3", function: "MoveNext"), "src/App/Worker.cs:2");
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("../outside/Secret.cs")]
    [InlineData(".git/config")]
    [InlineData("/home/runner/work/r/r/.git/HEAD")]
    [InlineData("/x/bin/Debug/Generated.cs")]
    [InlineData("/x/obj/Debug/App.AssemblyInfo.cs")]
    [InlineData("/x/node_modules/lib/index.js")]
    [InlineData("")]
    public void Link_PathOutsideRepositoryOrIgnored_IsNotLinked(string reported)
    {
        var fixture = Worker + """

            //- bin/Debug/Generated.cs
            class Generated { }
            //- obj/Debug/App.AssemblyInfo.cs
            class Info { }
            //- node_modules/lib/index.js
            module.exports = 1;
            """;
        Check(fixture, Frame(reported, line: 1), null);
    }

    [Fact]
    public void Link_SymlinkPointingOutside_IsNotLinked()
    {
        using var outside = TempRepository.Create("//- Secret.cs\nclass Secret { }\n");
        using var repository = TempRepository.Create(Worker);
        File.CreateSymbolicLink(Path.Combine(repository.Root, "src", "Secret.cs"), Path.Combine(outside.Root, "Secret.cs"));
        Directory.CreateSymbolicLink(Path.Combine(repository.Root, "linked"), outside.Root);

        var linker = FrameLinker.ForRepository(repository.Root);

        Assert.Null(linker.Link(Frame("/build/src/Secret.cs", line: 1), 0));
        Assert.Null(linker.Link(Frame("linked/Secret.cs", line: 1), 0));
        Assert.DoesNotContain(linker.Index.Files, f => f.Contains("Secret", StringComparison.Ordinal));
    }

    [Fact]
    public void Link_SymlinkPointingInside_IsLinked()
    {
        using var repository = TempRepository.Create(Worker);
        File.CreateSymbolicLink(Path.Combine(repository.Root, "Alias.cs"), Path.Combine(repository.Root, "src", "App", "Worker.cs"));

        Assert.Equal("Alias.cs:8", Describe(FrameLinker.ForRepository(repository.Root).Link(Frame("/build/Alias.cs", line: 8), 0)));
    }

    [Theory]
    // The file gained two lines above the crash: the context line is found nearer the top.
    [InlineData(6, "        return sum / (a - b);", "src/App/Worker.cs:8 reanchored")]
    // Unchanged file: the reported line is kept.
    [InlineData(8, "        return sum / (a - b);", "src/App/Worker.cs:8")]
    // Indentation changed: the trimmed match is used.
    [InlineData(9, "return sum / (a - b);", "src/App/Worker.cs:8 reanchored")]
    // The context line is gone: without a method name the reported line stays.
    [InlineData(8, "return total;", "src/App/Worker.cs:8")]
    public void Link_ContextLine_ReanchorsToNearestMatch(int reported, string contextLine, string expected)
    {
        Check(Worker, Frame("src/App/Worker.cs", line: reported) with { ContextLine = contextLine }, expected);
    }

    [Fact]
    public void Link_ContextLineRepeated_PreContextPicksTheLine()
    {
        const string fixture = """
            //- Calc.cs
            class Calc
            {
                int A(int x)
                {
                    var y = x * 2;
                    return 10 / x;
                }

                int B(int x)
                {
                    var z = x + 1;
                    return 10 / x;
                }
            }
            """;
        var frame = Frame("Calc.cs", line: 5) with
        {
            ContextLine = "        return 10 / x;",
            PreContext = ["    {", "        var z = x + 1;"],
        };
        Check(fixture, frame, "Calc.cs:12 reanchored");
    }

    [Theory]
    // Inside the method: kept.
    [InlineData(7, "src/App/Worker.cs:7")]
    // Above the method now (code was removed above it in the release): its first statement.
    [InlineData(2, "src/App/Worker.cs:7 reanchored")]
    // Below the method now: its last statement.
    [InlineData(12, "src/App/Worker.cs:8 reanchored")]
    public void Link_NoContextLine_KeepsLineInsideNamedMethod(int reported, string expected)
    {
        Check(Worker, Frame("src/App/Worker.cs", line: reported, module: "Shop.App.Worker", function: "int Worker.Helper(int a, int b)"), expected);
    }

    [Fact]
    public void LinkAll_LibraryFrames_AreSkippedAndIndicesKept()
    {
        using var repository = TempRepository.Create(Worker);
        var exception = new ExceptionInfo("System.DivideByZeroException", "Attempted to divide by zero.", null, null,
        [
            Frame("/x/src/App/Worker.cs", line: 14) with { InApp = true },
            Frame("/x/src/App/Worker.cs", line: 8) with { InApp = false },
            Frame("/x/src/App/Worker.cs", line: 8) with { InApp = true },
        ]);

        var linked = FrameLinker.ForRepository(repository.Root).LinkAll(exception);

        Assert.Equal(["0 src/App/Worker.cs:14", "2 src/App/Worker.cs:8"], linked.Select(l => $"{l.Index} {Describe(l)}"));
    }

    [Fact]
    public void LinkAll_NoFrameMarkedInApp_EveryFrameLinkedByPathAsSentryFallsBack()
    {
        using var repository = TempRepository.Create(Worker);
        var exception = new ExceptionInfo("System.DivideByZeroException", "Attempted to divide by zero.", null, null,
        [
            Frame("/usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.0/System.Private.CoreLib.dll", line: 1) with { InApp = false },
            Frame("/x/src/App/Worker.cs", line: 14) with { InApp = false },
            Frame("/x/src/App/Worker.cs", line: 8) with { InApp = false },
        ]);

        var linked = FrameLinker.ForRepository(repository.Root).LinkAll(exception);

        Assert.Equal(["1 src/App/Worker.cs:14", "2 src/App/Worker.cs:8"], linked.Select(l => $"{l.Index} {Describe(l)}"));
    }

    private static void Check(string fixture, StackFrame frame, string? expected)
    {
        using var repository = TempRepository.Create(fixture);
        var linked = FrameLinker.ForRepository(repository.Root).Link(frame, 0);
        Assert.Equal(expected, Describe(linked));
        if (linked is not null)
        {
            Assert.DoesNotContain("..", linked.RelativePath, StringComparison.Ordinal);
        }
    }

    private static string? Describe(LinkedFrame? linked) =>
        linked is null ? null : $"{linked.RelativePath}:{linked.Line}{(linked.Reanchored ? " reanchored" : "")}";

    private static StackFrame Frame(string path, int line, string? module = null, string? function = null) =>
        StackFrame.Create(absolutePath: path, module: module, function: function, line: line, inApp: true);
}
