using Expenses.App;
using Expenses.Domain;
using Expenses.Rates;

// Owner's decision: a receipt dated on a day with no published rate (weekend, bank holiday) is converted at the
// most recent rate published before that day.
public class WeekendRateBehaviour
{
    private static readonly DateOnly Thursday = new(2025, 5, 15);
    private static readonly DateOnly Friday = new(2025, 5, 16);
    private static readonly DateOnly Sunday = new(2025, 5, 18);

    [Fact]
    public void Total_SundayReceipt_UsesFridaysRate()
    {
        var rates = new RateTable("GBP");
        rates.Publish(Thursday, "EUR", 1.2000m);
        rates.Publish(Friday, "EUR", 1.1850m);
        var claim = new ExpenseClaim("E-311", "LIS-0525",
        [
            new ExpenseLine(Friday, ExpenseCategory.Accommodation, 118.50m, "EUR", "Hotel"),
            new ExpenseLine(Sunday, ExpenseCategory.Subsistence, 23.70m, "EUR", "Dinner"),
        ]);

        var total = new ClaimTotaliser(rates).Total(claim);

        Assert.Equal(20.00m, total.ByCategory[ExpenseCategory.Subsistence]);
        Assert.Equal(120.00m, total.Total);
    }
}
