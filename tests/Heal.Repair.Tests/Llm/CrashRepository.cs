using System.Collections.Immutable;
using Heal.Core.Model;
using Heal.Repair.Context;

namespace Heal.Repair.Tests.Llm;

/// <summary>
/// A temporary repository with one crash: <c>OrderService.Total</c> indexes a dictionary with a missing key,
/// called from <c>Program.cs</c>. Other files exist but are not in the stack trace.
/// </summary>
public sealed class CrashRepository : IDisposable
{
    public const string ServicePath = "src/Shop/OrderService.cs";
    public const string ProgramPath = "src/Shop/Program.cs";
    public const string UnrelatedPath = "src/Shop/PriceList.cs";
    public const string WorkflowPath = ".github/workflows/ci.yml";
    public const int ThrowingLine = 9;

    public const string ServiceText =
        """
        namespace Shop;

        public sealed class OrderService
        {
            private readonly Dictionary<string, Order> _orders = new();

            public decimal Total(string id)
            {
                var order = _orders[id];
                return order.Lines.Sum(l => l.Price);
            }
        }

        """;

    public const string ProgramText =
        """
        var service = new Shop.OrderService();
        Console.WriteLine(service.Total(args[0]));

        """;

    /// <summary>A correct fix of the crash, as a model would write it.</summary>
    public const string GoodPatch =
        """
        diff --git a/src/Shop/OrderService.cs b/src/Shop/OrderService.cs
        --- a/src/Shop/OrderService.cs
        +++ b/src/Shop/OrderService.cs
        @@ -7,6 +7,9 @@ public sealed class OrderService
             public decimal Total(string id)
             {
        -        var order = _orders[id];
        +        if (!_orders.TryGetValue(id, out var order))
        +        {
        +            return 0m;
        +        }
                 return order.Lines.Sum(l => l.Price);
             }
         }

        """;

    public CrashRepository()
    {
        Root = Path.Combine(Path.GetTempPath(), "heal-llm-" + Guid.NewGuid().ToString("N"));
        Write(ServicePath, ServiceText);
        Write(ProgramPath, ProgramText);
        Write(UnrelatedPath, "namespace Shop;\n\npublic static class PriceList\n{\n}\n");
        Write(WorkflowPath, "name: ci\non: push\njobs: {}\n");
    }

    public string Root { get; }

    /// <summary>Every file's text, to prove the diagnoser wrote nothing.</summary>
    public IReadOnlyDictionary<string, string> Snapshot() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(Root, p).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);

    public static ErrorEvent Event(string message = "The given key 'A-17' was not present in the dictionary.", RequestInfo? request = null)
    {
        var frames = ImmutableArray.Create(
            StackFrame.Create(file: "Program.cs", absolutePath: "/build/app/src/Shop/Program.cs", function: "<Main>$", line: 2, inApp: true),
            StackFrame.Create(file: "OrderService.cs", absolutePath: "/build/app/src/Shop/OrderService.cs", function: "decimal Shop.OrderService.Total(string id)", line: ThrowingLine, inApp: true));
        var exception = new ExceptionInfo("System.Collections.Generic.KeyNotFoundException", message, "System.Collections.Generic", new ExceptionMechanism("AppDomain.UnhandledException", false, null), frames);
        return new ErrorEvent(
            "0123456789abcdef0123456789abcdef", DateTimeOffset.Parse("2026-11-28T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            "csharp", "shop@1.2.3", "production", "web-1", null, "fatal", [exception], request, null,
            ImmutableDictionary<string, string>.Empty.Add("region", "eu-west"), ImmutableDictionary<string, string>.Empty,
            ImmutableArray<string>.Empty,
            """{"breadcrumbs":{"values":[{"timestamp":"2026-11-28T00:59:59Z","category":"http","message":"GET /orders/A-17"}]}}""");
    }

    /// <summary>The context the Roslyn builder would return for <see cref="Event"/>.</summary>
    public static RepairContext Context(ErrorEvent evt)
    {
        var exception = evt.Culprit!;
        var frames = ImmutableArray.Create(
            new LinkedFrame(exception.Frames[1], ServicePath, ThrowingLine, false, 1),
            new LinkedFrame(exception.Frames[0], ProgramPath, 2, false, 0));
        var snippets = ImmutableArray.Create(
            new ContextSnippet(ServicePath, 1, ServiceText.TrimEnd('\n'), "throwing method"),
            new ContextSnippet(ProgramPath, 1, ProgramText.TrimEnd('\n'), "caller"));
        return new RepairContext(evt, exception, frames, snippets, [ServicePath, ProgramPath]);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }

    private void Write(string relative, string text)
    {
        var full = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }
}
