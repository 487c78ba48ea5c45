using System.Collections.Immutable;
using Heal.Core.Diffs;
using Heal.Core.Model;
using Heal.Repair.Regression;
using Heal.Repair.Tests.Engine;
using Heal.Repair.Workspace;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Tests.Regression;

public sealed class RegressionTestWriterTests
{
    internal const string LibraryProject = """
        //- src/Shop/Shop.csproj
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
        </Project>

        """;

    internal static string TestProject(string package, bool nullable = false) => $$"""
        //- tests/Shop.Tests/Shop.Tests.csproj
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <Nullable>{{(nullable ? "enable" : "disable")}}</Nullable>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
            <PackageReference Include="{{package}}" Version="1.0.0" />
          </ItemGroup>
          <ItemGroup>
            <ProjectReference Include="../../src/Shop/Shop.csproj" />
          </ItemGroup>
        </Project>

        """;

    [Fact]
    public async Task Write_XunitZeroDivisorWithLiteralFallback_CallsWithZeroAndAssertsFallback()
    {
        var test = await Check(LibraryProject + """
            //- src/Shop/Margins.cs
            namespace Shop;

            public static class Margins
            {
                public static decimal MarginPercent(decimal price, decimal cost)
                {
                    return Math.Round((price - cost) / price * 100m, 1); // <- throws
                }
            }

            """ + TestProject("xunit") + """
            //- tests/Shop.Tests/MarginsTests.cs
            using Shop;

            namespace Shop.Tests;

            public class MarginsTests
            {
                [Fact]
                public void MarginPercent_PriceTwiceCost_IsFifty() => Assert.Equal(50m, Margins.MarginPercent(20m, 10m));
            }
            """, "System.DivideByZeroException", "Attempted to divide by zero.", patch: """
            diff --git a/src/Shop/Margins.cs b/src/Shop/Margins.cs
            --- a/src/Shop/Margins.cs
            +++ b/src/Shop/Margins.cs
            @@ -5,4 +5,5 @@
                 public static decimal MarginPercent(decimal price, decimal cost)
                 {
            +        if (price == 0m) return 0m;
                     return Math.Round((price - cost) / price * 100m, 1);
                 }
            """);

        Assert.Equal("tests/Shop.Tests/MarginsMarginPercentRegressionTests.cs", test.Path);
        Assert.Equal("""
            using Shop;

            namespace Shop.Tests;

            /// <summary>Reproduces the crash in Margins.MarginPercent; written by Heal.</summary>
            public class MarginsMarginPercentRegressionTests
            {
                [Fact]
                public void MarginPercent_ZeroPrice_DoesNotThrow()
                {
                    var result = Margins.MarginPercent(0m, 1m);

                    Assert.Equal(0m, result);
                }
            }

            """, NewFileText(test));
    }

    [Fact]
    public async Task Write_NUnitEmptySequenceWithNullFallback_PassesEmptyCollectionAndAssertsNull()
    {
        var test = await Check(LibraryProject + """
            //- src/Shop/Reviews.cs
            namespace Shop;

            public sealed record Review(string Author, int Stars, bool Approved);

            public sealed record Product(string Sku, IReadOnlyList<Review> Reviews);

            public static class ReviewStats
            {
                public static double? AverageRating(Product product)
                {
                    var approved = product.Reviews.Where(r => r.Approved).ToList();
                    return Math.Round(approved.Average(r => r.Stars), 1); // <- throws
                }
            }

            """ + TestProject("NUnit") + """
            //- tests/Shop.Tests/ReviewStatsTests.cs
            using NUnit.Framework;
            using Shop;

            namespace Shop.Tests
            {
                [TestFixture]
                public sealed class ReviewStatsTests
                {
                    [Test]
                    public void AverageRating_OneReview_IsItsStars() =>
                        Assert.That(ReviewStats.AverageRating(new Product("a", new[] { new Review("a", 4, true) })), Is.EqualTo(4));
                }
            }
            """, "System.InvalidOperationException", "Sequence contains no elements", patch: """
            diff --git a/src/Shop/Reviews.cs b/src/Shop/Reviews.cs
            --- a/src/Shop/Reviews.cs
            +++ b/src/Shop/Reviews.cs
            @@ -10,5 +10,10 @@
                 {
                     var approved = product.Reviews.Where(r => r.Approved).ToList();
            +        if (approved.Count == 0)
            +        {
            +            return null;
            +        }
            +
                     return Math.Round(approved.Average(r => r.Stars), 1);
                 }
             }
            """);

        Assert.Equal("""
            using NUnit.Framework;
            using Shop;

            namespace Shop.Tests
            {
                /// <summary>Reproduces the crash in ReviewStats.AverageRating; written by Heal.</summary>
                [TestFixture]
                public sealed class ReviewStatsAverageRatingRegressionTests
                {
                    [Test]
                    public void AverageRating_NoApproved_DoesNotThrow()
                    {
                        var result = ReviewStats.AverageRating(new Product("a", new Review[0]));

                        Assert.That(result, Is.Null);
                    }
                }
            }

            """, NewFileText(test));
    }

    [Fact]
    public async Task Write_MSTestNullOptionalMemberOnInstanceMethod_BuildsServiceWithOneCustomerWithoutDiscount()
    {
        var test = await Check(LibraryProject + """
            //- src/Shop/Pricing.cs
            namespace Shop;

            public sealed record Discount(string Code, decimal Rate);

            public sealed record Customer(string Id, Discount Discount);

            public sealed record Order(string CustomerId, IReadOnlyList<decimal> Prices);

            public sealed class CustomerDirectory(IEnumerable<Customer> customers)
            {
                public Customer Get(string id) => customers.First(c => c.Id == id);
            }

            public sealed class PricingService(CustomerDirectory customers)
            {
                public decimal Total(Order order)
                {
                    var customer = customers.Get(order.CustomerId);
                    return order.Prices.Sum() * (1 - customer.Discount.Rate); // <- throws
                }
            }

            """ + TestProject("MSTest.TestFramework") + """
            //- tests/Shop.Tests/PricingServiceTests.cs
            using Microsoft.VisualStudio.TestTools.UnitTesting;

            namespace Shop.Tests;

            [TestClass]
            public class PricingServiceTests
            {
                [TestMethod]
                public void Total_NoPrices_IsZero() { }
            }
            """, "System.NullReferenceException", "Object reference not set to an instance of an object.", patch: """
            diff --git a/src/Shop/Pricing.cs b/src/Shop/Pricing.cs
            --- a/src/Shop/Pricing.cs
            +++ b/src/Shop/Pricing.cs
            @@ -17,6 +17,6 @@
                 public decimal Total(Order order)
                 {
                     var customer = customers.Get(order.CustomerId);
            -        return order.Prices.Sum() * (1 - customer.Discount.Rate);
            +        return order.Prices.Sum() * (1 - (customer.Discount == null ? 0m : customer.Discount.Rate));
                 }
             }
            """);

        Assert.Equal("""
            using Microsoft.VisualStudio.TestTools.UnitTesting;

            namespace Shop.Tests;

            /// <summary>Reproduces the crash in PricingService.Total; written by Heal.</summary>
            [TestClass]
            public class PricingServiceTotalRegressionTests
            {
                [TestMethod]
                public void Total_NullDiscount_DoesNotThrow()
                {
                    var pricingService = new PricingService(new CustomerDirectory(new Customer[] { new Customer("a", null) }));

                    pricingService.Total(new Order("a", new decimal[0]));
                }
            }

            """, NewFileText(test));
    }

    [Theory]
    [InlineData("\"); Process.Start(\"rm", false)]
    [InlineData("\\\"); System.IO.File.Delete(\"x\"); //", false)]
    [InlineData("line\n}\nclass Evil { }\r\n/*", false)]
    [InlineData("\"); Process.Start(\"rm", true)]
    [InlineData("\"u8 + $\"{System.Environment.Exit(1)}", true)]
    public async Task Write_HostileCapturedInput_IsOneEscapedStringLiteral(string hostile, bool fromFrameVariable)
    {
        // The input arrives quoted in the exception message (.NET's FormatException), or as a frame variable.
        var message = fromFrameVariable ? "The input string was not in a correct format." : $"The input string '{hostile}' was not in a correct format.";
        var test = await Check(LibraryProject + """
            //- src/Shop/Quantities.cs
            namespace Shop;

            public static class Quantities
            {
                public static int Read(string text)
                {
                    return int.Parse(text); // <- throws
                }
            }

            """ + TestProject("xunit") + """
            //- tests/Shop.Tests/QuantitiesTests.cs
            namespace Shop.Tests;

            public class QuantitiesTests
            {
                [Fact]
                public void Read_Digits_IsTheNumber() => Assert.Equal(3, Quantities.Read("3"));
            }
            """, "System.FormatException", message, patch: "", edit: fromFrameVariable ? e => WithVariable(e, "text", hostile) : null);

        var root = CSharpSyntaxTree.ParseText(NewFileText(test)).GetCompilationUnitRoot();
        Assert.Empty(root.GetDiagnostics());
        var literal = Assert.Single(root.DescendantNodes().OfType<LiteralExpressionSyntax>(), l => l.IsKind(SyntaxKind.StringLiteralExpression));
        Assert.Equal(hostile, literal.Token.ValueText);
        Assert.Equal(["Quantities.Read"], root.DescendantNodes().OfType<InvocationExpressionSyntax>().Select(i => i.Expression.ToString()));
        Assert.Single(root.DescendantNodes().OfType<ClassDeclarationSyntax>());
    }

    [Fact]
    public async Task Write_NullParameterInNullableTestProject_PassesNullWithTheSuppression()
    {
        var test = await Check(LibraryProject + """
            //- src/Shop/Labels.cs
            namespace Shop;

            public static class Labels
            {
                public static int Width(string text, int padding) => text.Length + padding; // <- throws
            }

            """ + TestProject("xunit", nullable: true) + """
            //- tests/Shop.Tests/LabelsTests.cs
            namespace Shop.Tests;

            public class LabelsTests
            {
                [Fact]
                public void Width_Text_IsLengthPlusPadding() => Assert.Equal(3, Labels.Width("ab", 1));
            }
            """, "System.NullReferenceException", "Object reference not set to an instance of an object.", patch: "");

        Assert.Contains("        Labels.Width(null!, 1);\n", NewFileText(test), StringComparison.Ordinal);
        Assert.Contains("public void Width_NullText_DoesNotThrow()", NewFileText(test), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_NoTestProjectSeesTheCode_DeclinesSayingSo()
    {
        var test = await Check(LibraryProject + """
            //- src/Shop/Margins.cs
            namespace Shop;

            public static class Margins
            {
                public static decimal MarginPercent(decimal price, decimal cost) => (price - cost) / price; // <- throws
            }
            """, "System.DivideByZeroException", "Attempted to divide by zero.", patch: "");

        Assert.Null(test.Diff);
        Assert.Contains("no test project references", test.DeclineReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_DivisorTheTestCannotReach_Declines()
    {
        var test = await Check(LibraryProject + """
            //- src/Shop/Clock.cs
            namespace Shop;

            public static class Clock
            {
                public static int PerSecond(int count) => count / Environment.ProcessorCount; // <- throws
            }

            """ + TestProject("xunit") + """
            //- tests/Shop.Tests/ClockTests.cs
            namespace Shop.Tests;

            public class ClockTests
            {
                [Fact]
                public void PerSecond_Zero_IsZero() => Assert.Equal(0, Clock.PerSecond(0));
            }
            """, "System.DivideByZeroException", "Attempted to divide by zero.", patch: "");

        Assert.Null(test.Diff);
        Assert.Contains("does not say which input", test.DeclineReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_FixInTheCallerGuardsAValueTheThrowingLineDoesNotName_Declines()
    {
        // The throwing line dereferences address.Country; the caller's fix swaps a null Shipping for Billing. Setting
        // Country to null in a test would still throw after that right fix.
        var test = await Check(LibraryProject + """
            //- src/Shop/Labels.cs
            namespace Shop;

            public sealed class Address { public string Country { get; set; } }

            public sealed class Order
            {
                public Address Shipping { get; set; }
                public Address Billing { get; set; }
            }

            public static class AddressFormatter
            {
                public static string Format(Address address) => address.Country.ToUpperInvariant(); // <- throws
            }

            public sealed class Labels
            {
                public string Label(Order order) => AddressFormatter.Format(order.Shipping); // <- caller 1
            }

            """ + TestProject("xunit") + """
            //- tests/Shop.Tests/LabelsTests.cs
            namespace Shop.Tests;

            public class LabelsTests
            {
                [Fact]
                public void Label_Shipping_IsUpper() { }
            }
            """, "System.NullReferenceException", "Object reference not set to an instance of an object.", patch: """
            diff --git a/src/Shop/Labels.cs b/src/Shop/Labels.cs
            --- a/src/Shop/Labels.cs
            +++ b/src/Shop/Labels.cs
            @@ -16,4 +16,4 @@
             public sealed class Labels
             {
            -    public string Label(Order order) => AddressFormatter.Format(order.Shipping);
            +    public string Label(Order order) => AddressFormatter.Format(order.Shipping ?? order.Billing);
             }
            """);

        Assert.Null(test.Diff);
        Assert.Contains("does not say which input", test.DeclineReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_PatchChangesNoMethodOnTheStack_Declines()
    {
        var test = await Check(LibraryProject + """
            //- src/Shop/Pricing.cs
            namespace Shop;

            public sealed class Customer
            {
                public string Name { get; set; }
            }

            public static class Greeting
            {
                public static int Length(Customer customer) => customer.Name.Length; // <- throws
            }

            """ + TestProject("xunit") + """
            //- tests/Shop.Tests/GreetingTests.cs
            namespace Shop.Tests;

            public class GreetingTests
            {
                [Fact]
                public void Length_Name_IsItsLength() { }
            }
            """, "System.NullReferenceException", "Object reference not set to an instance of an object.", patch: """
            diff --git a/src/Shop/Pricing.cs b/src/Shop/Pricing.cs
            --- a/src/Shop/Pricing.cs
            +++ b/src/Shop/Pricing.cs
            @@ -3,4 +3,4 @@
             public sealed class Customer
             {
            -    public string Name { get; set; }
            +    public string Name { get; set; } = "";
             }
            """);

        Assert.Null(test.Diff);
        Assert.Contains("changes no method on the stack", test.DeclineReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_ForeachOverNullMember_SetsThatMemberToNullNotTheParameter()
    {
        var test = await Check(LibraryProject + """
            //- src/Shop/Totals.cs
            namespace Shop;

            public sealed class Line { public decimal Price { get; set; } }

            public sealed class Order { public List<Line> Lines { get; set; } }

            public static class Totals
            {
                public static decimal Total(Order order)
                {
                    var sum = 0m;
                    foreach (var line in order.Lines) // <- throws
                    {
                        sum += line.Price;
                    }

                    return sum;
                }
            }

            """ + TestProject("xunit") + """
            //- tests/Shop.Tests/TotalsTests.cs
            namespace Shop.Tests;

            public class TotalsTests
            {
                [Fact]
                public void Total_OneLine_IsItsPrice() { }
            }
            """, "System.NullReferenceException", "Object reference not set to an instance of an object.", patch: """
            diff --git a/src/Shop/Totals.cs b/src/Shop/Totals.cs
            --- a/src/Shop/Totals.cs
            +++ b/src/Shop/Totals.cs
            @@ -9,7 +9,7 @@
                 public static decimal Total(Order order)
                 {
                     var sum = 0m;
            -        foreach (var line in order.Lines)
            +        foreach (var line in order.Lines ?? Enumerable.Empty<Line>())
                     {
                         sum += line.Price;
                     }
            """);

        var text = NewFileText(test);
        Assert.Contains("public void Total_NullLines_DoesNotThrow()", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Totals.Total(null)", text, StringComparison.Ordinal);
        // Lines has no initializer, so a new Order already holds the null the crash needs.
        Assert.Contains("Totals.Total(new Order());", text, StringComparison.Ordinal);
    }

    internal static async Task<RegressionTest> Check(string fixture, string exceptionType, string message, string patch, Func<ErrorEvent, ErrorEvent>? edit = null,
        Heal.Repair.Analysis.ExpectedOutcome? outcome = null)
    {
        var (repository, errorEvent) = CrashFixture.Create(fixture, exceptionType, message);
        using var _ = repository;
        errorEvent = edit?.Invoke(errorEvent) ?? errorEvent;
        var workspace = await new WorkspaceProvider().GetAsync(repository.Root, CancellationToken.None);
        var crash = await CrashSiteBuilder.BuildAsync(workspace, errorEvent, CancellationToken.None);
        Assert.True(crash.Site is not null, crash.DeclineReason);
        var test = RegressionTestWriter.Write(workspace, crash.Site!, patch, outcome);
        if (test.Diff is not null)
        {
            var file = Assert.Single(Patch.Parse(test.Diff).Value!.Files);
            Assert.True(file.IsNew);
            Assert.Equal(test.Path, file.Path);
            Assert.False(File.Exists(Path.Combine(repository.Root, test.Path!)));
        }

        return test;
    }

    /// <summary>The event with a local variable captured on every in-app frame, as SDKs that send variables do.</summary>
    private static ErrorEvent WithVariable(ErrorEvent errorEvent, string name, string value)
    {
        var culprit = errorEvent.Exceptions[0];
        var frames = culprit.Frames.Select(f => f.InApp == true ? f with { Vars = ImmutableDictionary<string, string>.Empty.Add(name, value) } : f);
        return errorEvent with { Exceptions = [culprit with { Frames = [.. frames] }] };
    }

    internal static string NewFileText(RegressionTest test) =>
        string.Concat(Patch.Parse(test.Diff!).Value!.Files[0].Hunks.SelectMany(h => h.Lines).Select(l => l.Text + "\n"));
}
