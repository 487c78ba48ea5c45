using Heal.Repair.Analysis;

namespace Heal.Repair.Tests.Regression;

/// <summary>A regression test asserts the outcome the evidence names, so a patch that behaves otherwise fails it.</summary>
public sealed class OutcomeAssertionTests
{
    private const string Fixture = RegressionTestWriterTests.LibraryProject + """
        //- src/Shop/Catalog.cs
        namespace Shop;

        public sealed class ProductNotFoundException(string sku) : Exception($"No product {sku}.");

        public sealed class Catalog
        {
            private readonly Dictionary<string, decimal> _prices = new();

            public decimal? PriceOf(string sku)
            {
                return _prices[sku]; // <- throws
            }
        }

        """;

    private const string Tests = """
        //- tests/Shop.Tests/CatalogTests.cs
        using Shop;

        namespace Shop.Tests;

        public class CatalogTests
        {
            [Fact]
            public void PriceOf_NewCatalog_Throws() { }
        }
        """;

    private const string Patch = """
        diff --git a/src/Shop/Catalog.cs b/src/Shop/Catalog.cs
        --- a/src/Shop/Catalog.cs
        +++ b/src/Shop/Catalog.cs
        @@ -9,6 +9,6 @@
             public decimal? PriceOf(string sku)
             {
        -        return _prices[sku];
        +        return _prices.GetValueOrDefault(sku);
             }
         }
        """;

    [Fact]
    public async Task Write_OutcomeReturnsNull_AssertsNullAndSaysSo()
    {
        var test = await RegressionTestWriterTests.Check(Fixture + RegressionTestWriterTests.TestProject("xunit") + Tests,
            "System.Collections.Generic.KeyNotFoundException", "The given key 'missing' was not present in the dictionary.", Patch,
            outcome: ExpectedOutcome.Returns("null"));

        var text = RegressionTestWriterTests.NewFileText(test);
        Assert.Contains("public void PriceOf_UnknownSku_ReturnsNull()", text, StringComparison.Ordinal);
        Assert.Contains("Assert.Null(result);", text, StringComparison.Ordinal);
        Assert.Equal("returns null", test.Asserts);
    }

    [Fact]
    public async Task Write_OutcomeThrowsDomainException_AssertsTheThrow()
    {
        var test = await RegressionTestWriterTests.Check(Fixture + RegressionTestWriterTests.TestProject("xunit") + Tests,
            "System.Collections.Generic.KeyNotFoundException", "The given key 'missing' was not present in the dictionary.", Patch,
            outcome: ExpectedOutcome.Throws("ProductNotFoundException"));

        var text = RegressionTestWriterTests.NewFileText(test);
        Assert.Contains("Assert.Throws<Shop.ProductNotFoundException>(() => catalog.PriceOf(\"missing\"));", text, StringComparison.Ordinal);
        Assert.Contains("_ThrowsProductNotFound()", text, StringComparison.Ordinal);
        Assert.Equal("throws ProductNotFoundException", test.Asserts);
    }

    [Fact]
    public async Task Write_NoOutcomeNamed_OnlyChecksItDoesNotThrow()
    {
        var test = await RegressionTestWriterTests.Check(Fixture + RegressionTestWriterTests.TestProject("nunit") + Tests.Replace("[Fact]", "[Test]", StringComparison.Ordinal),
            "System.Collections.Generic.KeyNotFoundException", "The given key 'missing' was not present in the dictionary.", Patch);

        var text = RegressionTestWriterTests.NewFileText(test);
        Assert.Contains("_DoesNotThrow()", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Assert.", text, StringComparison.Ordinal);
        Assert.Null(test.Asserts);
    }

    [Fact]
    public async Task Write_OutcomeIsAPrivateConstant_FallsBackToDoesNotThrow()
    {
        var test = await RegressionTestWriterTests.Check(Fixture.Replace("    private readonly Dictionary", "    private const decimal Fallback = 1m;\n\n    private readonly Dictionary", StringComparison.Ordinal)
                .Replace("@@ -9,6 +9,6 @@", "@@ -11,6 +11,6 @@", StringComparison.Ordinal)
            + RegressionTestWriterTests.TestProject("xunit") + Tests,
            "System.Collections.Generic.KeyNotFoundException", "The given key 'missing' was not present in the dictionary.",
            Patch.Replace("@@ -9,6 +9,6 @@", "@@ -11,6 +11,6 @@", StringComparison.Ordinal),
            outcome: ExpectedOutcome.Returns("Fallback"));

        Assert.Null(test.Asserts);
        Assert.Contains("_DoesNotThrow()", RegressionTestWriterTests.NewFileText(test), StringComparison.Ordinal);
    }
}
