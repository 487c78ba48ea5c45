namespace Heal.Testing.Samples;

/// <summary>A small real solution with a planted null-reference bug, a library and an xunit project.</summary>
public static class ShopRepository
{
    public const string Fixture = """
        //- src/Shop/Shop.csproj
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>disable</Nullable>
          </PropertyGroup>
        </Project>
        //- src/Shop/Customer.cs
        namespace Shop;

        public sealed class Customer
        {
            public string Name { get; set; }

            public Discount Discount { get; set; }
        }
        //- src/Shop/Discount.cs
        namespace Shop;

        public sealed class Discount
        {
            public decimal Rate { get; set; }
        }
        //- src/Shop/PriceCalculator.cs
        namespace Shop;

        public static class PriceCalculator
        {
            public static decimal Discounted(Customer customer, decimal price)
            {
                return price * (1 - customer.Discount.Rate);
            }

            public static string Describe(Customer customer)
            {
                if (customer.Discount == null)
                {
                    return customer.Name;
                }

                return $"{customer.Name} ({customer.Discount.Rate:P0} off)";
            }
        }
        //- tests/Shop.Tests/Shop.Tests.csproj
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <IsPackable>false</IsPackable>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
            <PackageReference Include="xunit" Version="2.9.3" />
            <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
          </ItemGroup>
          <ItemGroup>
            <ProjectReference Include="../../src/Shop/Shop.csproj" />
          </ItemGroup>
        </Project>
        //- tests/Shop.Tests/PriceCalculatorTests.cs
        using Shop;
        using Xunit;

        namespace Shop.Tests;

        public class PriceCalculatorTests
        {
            [Fact]
            public void Discounted_WithDiscount_AppliesRate()
            {
                var customer = new Customer { Name = "Ada", Discount = new Discount { Rate = 0.1m } };
                Assert.Equal(90m, PriceCalculator.Discounted(customer, 100m));
            }

            [Fact]
            public void Describe_WithoutDiscount_IsTheName()
            {
                Assert.Equal("Ada", PriceCalculator.Describe(new Customer { Name = "Ada" }));
            }
        }
        """;

    /// <summary>The right fix: follow <c>Describe</c>, which treats a missing discount as normal.</summary>
    public const string GoodPatch = """
        diff --git a/src/Shop/PriceCalculator.cs b/src/Shop/PriceCalculator.cs
        --- a/src/Shop/PriceCalculator.cs
        +++ b/src/Shop/PriceCalculator.cs
        @@ -4,6 +4,11 @@ public static class PriceCalculator
         {
             public static decimal Discounted(Customer customer, decimal price)
             {
        +        if (customer.Discount == null)
        +        {
        +            return price;
        +        }
        +
                 return price * (1 - customer.Discount.Rate);
             }
         
        """;

    public const string ThrowingFile = "src/Shop/PriceCalculator.cs";

    /// <summary>A test that calls the crashing code with a customer without a discount.</summary>
    public const string RegressionTest = """
        diff --git a/tests/Shop.Tests/DiscountedRegressionTests.cs b/tests/Shop.Tests/DiscountedRegressionTests.cs
        new file mode 100644
        --- /dev/null
        +++ b/tests/Shop.Tests/DiscountedRegressionTests.cs
        @@ -0,0 +1,13 @@
        +using Shop;
        +using Xunit;
        +
        +namespace Shop.Tests;
        +
        +public class DiscountedRegressionTests
        +{
        +    [Fact]
        +    public void Discounted_CustomerWithoutDiscount_DoesNotThrow()
        +    {
        +        Assert.Equal(100m, PriceCalculator.Discounted(new Customer { Name = "Bob" }, 100m));
        +    }
        +}
        """;

    /// <summary>
    /// The crash as the .NET Sentry SDK reports it from a Linux CI build: frames outermost first, the throwing
    /// frame last, abs_path on the build agent. <paramref name="message"/> and <paramref name="extraFrames"/> let
    /// tests forge hostile events.
    /// </summary>
    public static string EventJson(string message = "Object reference not set to an instance of an object.", string extraFrames = "", string release = "shop@1.4.2") =>
        $$"""
        {
          "event_id": "5f0d5c1e2a3b4c5d6e7f8091a2b3c4d5",
          "timestamp": "2026-11-27T10:00:00.000Z",
          "platform": "csharp",
          "release": "{{release}}",
          "environment": "production",
          "exception": { "values": [ {
            "type": "System.NullReferenceException",
            "value": {{System.Text.Json.JsonSerializer.Serialize(message)}},
            "module": "System.Private.CoreLib",
            "mechanism": { "type": "AppDomain.UnhandledException", "handled": false },
            "stacktrace": { "frames": [
              {{extraFrames}}
              { "filename": "Program.cs", "abs_path": "/home/runner/work/shop/shop/src/Shop.Cli/Program.cs", "function": "void Program.Main(string[] args)", "lineno": 12, "in_app": true },
              { "filename": "PriceCalculator.cs", "abs_path": "/home/runner/work/shop/shop/src/Shop/PriceCalculator.cs", "function": "decimal PriceCalculator.Discounted(Customer customer, decimal price)", "module": "Shop", "lineno": 7, "colno": 9, "in_app": true }
            ] }
          } ] }
        }
        """;
}

