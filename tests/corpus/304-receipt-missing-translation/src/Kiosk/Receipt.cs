namespace Kiosk;

public sealed record ReceiptLine(string Description, int Quantity, decimal UnitPrice)
{
    public decimal Total => Quantity * UnitPrice;
}

public sealed class ReceiptPrinter(Messages messages)
{
    public IReadOnlyList<string> Print(string locale, string storeName, IReadOnlyList<ReceiptLine> lines, bool paidByCard)
    {
        var output = new List<string> { storeName, messages.Get(locale, "receipt.header"), "" };
        foreach (var line in lines)
            output.Add($"{line.Quantity} x {line.Description,-20} {line.Total,8:0.00}");
        output.Add("");
        output.Add(messages.Format(locale, "receipt.total", lines.Sum(l => l.Total).ToString("0.00")));
        output.Add(Footer(locale, paidByCard));
        return output;
    }

    private string Footer(string locale, bool paidByCard) =>
        paidByCard ? messages.Get(locale, "receipt.footer.card") : messages.Get(locale, "receipt.footer.cash");
}
