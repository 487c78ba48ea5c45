using Expenses.App;
using Expenses.Domain;
using Expenses.Rates;

public class ClaimTotaliserTests
{
    private static readonly DateOnly Thursday = new(2025, 5, 15);

    private static RateTable Rates()
    {
        var rates = new RateTable("GBP");
        rates.Publish(Thursday, "EUR", 1.1850m);
        rates.Publish(Thursday, "USD", 1.3310m);
        return rates;
    }

    [Fact]
    public void Total_ConvertsEachLineOnItsDay()
    {
        var claim = new ExpenseClaim("E-311", "LIS-0525",
        [
            new ExpenseLine(Thursday, ExpenseCategory.Travel, 237.00m, "EUR", "Train"),
            new ExpenseLine(Thursday, ExpenseCategory.Subsistence, 26.62m, "usd", "Lunch"),
        ]);

        var total = new ClaimTotaliser(Rates()).Total(claim);

        Assert.Equal(200.00m, total.ByCategory[ExpenseCategory.Travel]);
        Assert.Equal(20.00m, total.ByCategory[ExpenseCategory.Subsistence]);
        Assert.Equal(220.00m, total.Total);
    }

    [Fact]
    public void Total_BaseCurrencyLines_AreNotConverted()
    {
        var claim = new ExpenseClaim("E-311", "MAN-0525", [new ExpenseLine(new DateOnly(2025, 5, 18), ExpenseCategory.Travel, 54.20m, "GBP", "Taxi")]);

        Assert.Equal(54.20m, new ClaimTotaliser(Rates()).Total(claim).Total);
    }
}
