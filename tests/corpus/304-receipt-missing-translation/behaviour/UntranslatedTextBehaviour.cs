using Kiosk;

namespace Kiosk.Behaviour.Tests;

public class UntranslatedTextBehaviour
{
    private static Messages Catalog() => new(new()
    {
        ["en"] = new() { ["receipt.header"] = "Thank you", ["receipt.total"] = "Total {0}", ["receipt.footer.card"] = "Paid by card", ["receipt.footer.cash"] = "Paid in cash" },
        ["pl"] = new() { ["receipt.header"] = "Dziękujemy", ["receipt.total"] = "Razem {0}", ["receipt.footer.card"] = "Zapłacono kartą" },
    });

    [Fact]
    public void Get_TextMissingInLocale_IsEnglishText() =>
        Assert.Equal("Paid in cash", Catalog().Get("pl", "receipt.footer.cash"));

    [Fact]
    public void Get_TranslatedTextStillUsed() =>
        Assert.Equal("Zapłacono kartą", Catalog().Get("pl", "receipt.footer.card"));

    [Fact]
    public void Print_PolishCashReceipt_FallsBackOnlyForTheMissingText()
    {
        var lines = new ReceiptPrinter(Catalog()).Print("pl", "Shop", [new("Chleb", 1, 3.10m)], paidByCard: false);
        Assert.Equal("Dziękujemy", lines[1]);
        Assert.Equal("Razem 3.10", lines[^2]);
        Assert.Equal("Paid in cash", lines[^1]);
    }
}
