using Kiosk;

namespace Kiosk.Tests;

public class ReceiptTests
{
    internal static Messages Catalog() => new(new()
    {
        ["en"] = new() { ["receipt.header"] = "Thank you", ["receipt.total"] = "Total {0}", ["receipt.footer.card"] = "Paid by card", ["receipt.footer.cash"] = "Paid in cash" },
        ["cy"] = new() { ["receipt.header"] = "Diolch", ["receipt.total"] = "Cyfanswm {0}", ["receipt.footer.card"] = "Talwyd gyda cherdyn", ["receipt.footer.cash"] = "Talwyd ag arian parod" },
    });

    [Fact]
    public void Get_TranslatedText() => Assert.Equal("Diolch", Catalog().Get("CY", "receipt.header"));

    [Fact]
    public void Get_UnknownLocale_IsEnglish() => Assert.Equal("Thank you", Catalog().Get("fr", "receipt.header"));

    [Fact]
    public void Print_Welsh()
    {
        var lines = new ReceiptPrinter(Catalog()).Print("cy", "Shop", [new("Bara", 2, 1.25m)], paidByCard: true);
        Assert.Equal("Cyfanswm 2.50", lines[^2]);
        Assert.Equal("Talwyd gyda cherdyn", lines[^1]);
    }
}
