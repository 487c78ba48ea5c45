namespace Heal.LanguageServer.Tests.Conversion;

/// <summary>
/// The language server's read-only features, in process: diagnostics, code lenses, code actions and hover, from an
/// error snapshot and the files' text, each checked against the text the editor would show (no server process).
/// </summary>
public sealed class ConversionTests
{
    private const string Shop = """
        //- group g1 System.NullReferenceException count=3 seen=5m release=Shop@1.2
        Object reference not set to an instance of an object.
        //- src/Shop/Pricing.cs
        namespace Shop;

        public sealed class Pricing
        {
            public decimal Total(Order order)
            {
                return order.Lines.Sum(l => l.Price); // <- g1:2
            }
        }
        //- src/Shop/Checkout.cs
        namespace Shop;

        public sealed class Checkout(Pricing pricing)
        {
            public decimal Pay(Order order)
            {
                var total = pricing.Total(order); // <- g1:1
                return total;
            }
        }
        """;

    [Fact]
    public void Diagnostics_ThrowingFrameAndCaller_ErrorOnTheThrowingLineInformationOnTheCallerEachPointingAtTheOther() => Check(Shop, """
        //- src/Shop/Pricing.cs
        namespace Shop;

        public sealed class Pricing
        {
            // lens: ⚠ 3 production errors · Heal → heal.showErrorDetails {"groupId":"g1"}
            public decimal Total(Order order)
            {
                return order.Lines.Sum(l => l.Price);
                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error g1: NullReferenceException: Object reference not set to an instance of an object. — 3 events, last 5 min ago (release Shop@1.2)
                  related src/Shop/Checkout.cs:7 called from: Checkout.Pay
            }
        }
        //- src/Shop/Checkout.cs
        namespace Shop;

        public sealed class Checkout(Pricing pricing)
        {
            // lens: ⚠ 3 production errors · Heal → heal.showErrorDetails {"groupId":"g1"}
            public decimal Pay(Order order)
            {
                var total = pricing.Total(order);
                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ information g1: calls Pricing.Total, which throws NullReferenceException: Object reference not set to an instance of an object. — 3 events, last 5 min ago (release Shop@1.2)
                  related src/Shop/Pricing.cs:7 throws here: Pricing.Total
                return total;
            }
        }
        """);

    [Fact]
    public void Diagnostics_TwoGroupsInOneMethodAndAMutedOne_OneLensSummingTheCountsNothingForTheMuted() => Check("""
        //- group g1 System.Collections.Generic.KeyNotFoundException count=1 seen=30s
        The given key 'EUR' was not present in the dictionary.
        //- group g2 System.DivideByZeroException count=4 seen=3h release=2.0.1
        Attempted to divide by zero.
        //- group g3 System.InvalidOperationException count=9 seen=2d muted
        Sequence contains no elements
        //- src/Rates/Converter.cs
        namespace Rates;

        public static class Converter
        {
            public static decimal Convert(decimal amount, string currency, IReadOnlyDictionary<string, decimal> rates, int parts)
            {
                var rate = rates[currency]; // <- g1:1
                return amount * rate / parts; // <- g2:1 g3:1
            }
        }
        """, """
        //- src/Rates/Converter.cs
        namespace Rates;

        public static class Converter
        {
            // lens: ⚠ 5 production errors · Heal → heal.showErrorDetails {"groupId":"g1"}
            public static decimal Convert(decimal amount, string currency, IReadOnlyDictionary<string, decimal> rates, int parts)
            {
                var rate = rates[currency];
                ^^^^^^^^^^^^^^^^^^^^^^^^^^^ error g1: KeyNotFoundException: The given key 'EUR' was not present in the dictionary. — 1 event, last just now
                return amount * rate / parts;
                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ error g2: DivideByZeroException: Attempted to divide by zero. — 4 events, last 3 h ago (release 2.0.1)
            }
        }
        """);

    [Fact]
    public void Diagnostics_LongMultiLineMessageAndFramesOnBlankLines_MessageCutToOneLineRangeIsTheWholeLine() => Check("""
        //- group g1 App.Billing.InvoiceRejectedException count=2 seen=90m
        The invoice could not be sent because the customer's billing address
        is incomplete (street, postcode and town are required).
        //- src/App/Billing.cs
        namespace App.Billing;

        public sealed class Invoices
        {
            public void Send()
            {
         // <- g1:2
            }
        }
        // <- g1:1
        """, """
        //- src/App/Billing.cs
        namespace App.Billing;

        public sealed class Invoices
        {
            // lens: ⚠ 2 production errors · Heal → heal.showErrorDetails {"groupId":"g1"}
            public void Send()
            {

        ^ error g1: InvoiceRejectedException: The invoice could not be sent because the customer's billing… — 2 events, last 1 h ago
          related src/App/Billing.cs:10 called from: Invoices.Send
            }
        }

        ^ information g1: calls Invoices.Send, which throws InvoiceRejectedException: The invoice could not be sent because the customer's billing… — 2 events, last 1 h ago
          related src/App/Billing.cs:7 throws here: Invoices.Send
        """);

    [Fact]
    public void CodeActions_OnAFlaggedLine_HealDetailsAndMuteForEachHealErrorOnlyNotForOtherSourcesOrMutedGroups()
    {
        var world = ConversionFixture.Parse("""
            //- group g1 System.NullReferenceException count=3 seen=5m
            Object reference not set to an instance of an object.
            //- group g2 System.FormatException count=1 seen=5m muted
            Input string was not in a correct format.
            //- src/Shop/Pricing.cs
            namespace Shop;

            public sealed class Pricing
            {
                public decimal Total(Order order) => order.Lines.Sum(l => decimal.Parse(l.Price)); // <- g1:1 g2:1
            }
            """);
        var foreign = new Protocol.Diagnostic(new Protocol.Range(new Protocol.Position(4, 0), new Protocol.Position(4, 10)), Protocol.DiagnosticSeverity.Warning, "CS8602", "csharp", "Dereference of a possibly null reference.");
        var stale = foreign with { Code = "g2", Source = "heal" };

        Same("""
            quickfix Heal this error → heal.heal {"groupId":"g1","uri":"file:///repo/src/Shop/Pricing.cs"}
            quickfix Show error details → heal.showErrorDetails {"groupId":"g1"}
            quickfix Mute this error → heal.mute {"groupId":"g1"}
            """, world.RenderCodeActions("src/Shop/Pricing.cs", 5, [foreign, stale]));
        Same("", world.RenderCodeActions("src/Shop/Pricing.cs", 4, [foreign]));
    }

    [Fact]
    public void Hover_OnAFlaggedLine_TheErrorsMarkdownWithEventTextInCodeSpansAndBlocks() => Hover("""
        //- group g1 System.ArgumentException count=2 seen=10m release=`v1`|[x](http://evil)
        Bad value ``` <img src=x> @team
        //- src/App/Orders.cs
        namespace App;

        public sealed class Orders
        {
            public void Place(string sku)
            {
                Ch$0eck(sku); // <- g1:1
            }
        }
        """, """
        range 7:8-19 (markdown)
        **Heal** · ` System.ArgumentException `

        ````text
        Bad value ``` <img src=x> @team
        ````

        2 events · first seen 2026-12-07 11:50:00Z · last seen 2026-12-08 11:50:00Z (10 min ago) · release `` `v1`|[x](http://evil) ``

        **Frames**

        ```text
        at Orders.Place in /build/src/App/Orders.cs:7
        ```

        **Environment** ` production `

        Group ` g1 `
        """);

    [Fact]
    public void Hover_OnALineWithoutErrors_NoHover() => Hover("""
        //- group g1 System.ArgumentException count=2 seen=10m
        Bad value
        //- src/App/Orders.cs
        namespace App;

        public sealed class Orders
        {
            public void Place(string sku)
            {$0
                Check(sku); // <- g1:1
            }
        }
        """, """
        no hover
        """);

    private static void Hover(string fixture, string expected) => Same(expected, ConversionFixture.Parse(fixture).RenderHover());

    private static void Check(string fixture, string expected) => Same(expected, ConversionFixture.Parse(fixture).Render());

    /// <summary>Compares whole texts and, when they differ, prints both in full (the expectation is updated by reading it).</summary>
    private static void Same(string expected, string actual)
    {
        var wanted = expected.Length == 0 ? "" : expected.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
        if (actual != wanted)
        {
            Assert.Fail($"expected:\n{wanted}\nactual:\n{actual}");
        }
    }
}
