namespace Heal.Repair.Tests;

/// <summary>Repositories the engine and CLI tests run on.</summary>
public static class Samples
{
    /// <summary>
    /// Three projects: a library, an app that references it, and tests that reference both. The app divides by
    /// an order's item count (zero for an empty order) on the line marked in <see cref="ShopThrowingLine"/>.
    /// </summary>
    public const string Shop = """
        //- Directory.Build.props
        <Project>
          <PropertyGroup>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
        </Project>
        //- Shop.sln
        Microsoft Visual Studio Solution File, Format Version 12.00
        //- src/Shop.Core/Shop.Core.csproj
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
          </PropertyGroup>
        </Project>
        //- src/Shop.Core/Order.cs
        namespace Shop.Core;

        public sealed class Order
        {
            public List<OrderLine> Lines { get; } = [];

            public decimal Total => Lines.Sum(l => l.Price * l.Quantity);
        }
        //- src/Shop.Core/OrderLine.cs
        namespace Shop.Core;

        public sealed record OrderLine(string Sku, decimal Price, int Quantity);
        //- src/Shop.Api/Shop.Api.csproj
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="..\Shop.Core\Shop.Core.csproj" />
          </ItemGroup>
        </Project>
        //- src/Shop.Api/Program.cs
        using Shop.Api;
        using Shop.Core;

        var service = new OrderService();
        Console.WriteLine(service.AveragePrice(new Order()));
        //- src/Shop.Api/OrderService.cs
        using Shop.Core;

        namespace Shop.Api;

        public sealed class OrderService
        {
            public decimal AveragePrice(Order order)
            {
                var count = Count(order);
                return order.Total / count;
            }

            private static int Count(Order order) => order.Lines.Count;
        }
        //- tests/Shop.Tests/Shop.Tests.csproj
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="../../src/Shop.Core/Shop.Core.csproj" />
            <ProjectReference Include="../../src/Shop.Api/Shop.Api.csproj" />
          </ItemGroup>
        </Project>
        //- tests/Shop.Tests/OrderServiceTests.cs
        using Shop.Api;
        using Shop.Core;

        namespace Shop.Tests;

        public sealed class OrderServiceTests
        {
            public void AveragePrice_TwoLines_IsMean()
            {
                var order = new Order();
                order.Lines.Add(new OrderLine("a", 2, 1));
                var average = new OrderService().AveragePrice(order);
            }
        }
        //- src/Shop.Api/bin/Debug/net10.0/Stale.cs
        this file is build output and must never be compiled
        """;

    public const string ShopThrowingFile = "src/Shop.Api/OrderService.cs";

    public const int ShopThrowingLine = 10;

    public const int ShopCallerLine = 5;

    /// <summary>The Sentry .NET SDK's event for the crash, as it would arrive from a Linux CI build.</summary>
    public const string ShopEvent = """
        {
          "event_id": "0123456789abcdef0123456789abcdef",
          "timestamp": "2026-11-27T10:00:00Z",
          "platform": "csharp",
          "release": "shop@1.0.0",
          "level": "error",
          "exception": {
            "values": [
              {
                "type": "System.DivideByZeroException",
                "value": "Attempted to divide by zero.",
                "module": "System.Private.CoreLib",
                "mechanism": { "type": "AppDomain.UnhandledException", "handled": false },
                "stacktrace": {
                  "frames": [
                    {
                      "function": "<Main>$(string[] args)",
                      "module": "Program",
                      "filename": "Program.cs",
                      "abs_path": "/home/runner/work/shop/shop/src/Shop.Api/Program.cs",
                      "lineno": 5,
                      "in_app": true
                    },
                    {
                      "function": "decimal OrderService.AveragePrice(Order order)",
                      "module": "Shop.Api.OrderService",
                      "filename": "OrderService.cs",
                      "abs_path": "/home/runner/work/shop/shop/src/Shop.Api/OrderService.cs",
                      "lineno": 10,
                      "in_app": true
                    },
                    {
                      "function": "decimal.op_Division(decimal d1, decimal d2)",
                      "module": "System.Decimal",
                      "in_app": false
                    }
                  ]
                }
              }
            ]
          }
        }
        """;
}
