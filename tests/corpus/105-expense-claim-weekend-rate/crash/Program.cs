using Sentry;
using Expenses.App;
using Expenses.Domain;
using Expenses.Rates;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "expenses@2025.5.2";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

var rates = new RateTable("GBP");
var week = new[] { new DateOnly(2025, 5, 12), new DateOnly(2025, 5, 13), new DateOnly(2025, 5, 14), new DateOnly(2025, 5, 15), new DateOnly(2025, 5, 16) };
foreach (var (day, i) in week.Select((d, i) => (d, i)))
{
    rates.Publish(day, "EUR", 1.1890m - i * 0.001m);
    rates.Publish(day, "USD", 1.3300m + i * 0.002m);
}

// Month-end payroll export: a consultant's claim for the Lisbon workshop, home on Sunday.
var claim = new ExpenseClaim("E-311", "LIS-0525",
[
    new ExpenseLine(new DateOnly(2025, 5, 14), ExpenseCategory.Travel, 212.40m, "EUR", "Flight change fee"),
    new ExpenseLine(new DateOnly(2025, 5, 15), ExpenseCategory.Accommodation, 355.50m, "EUR", "Hotel, 3 nights"),
    new ExpenseLine(new DateOnly(2025, 5, 16), ExpenseCategory.Subsistence, 41.80m, "EUR", "Team dinner"),
    new ExpenseLine(new DateOnly(2025, 5, 18), ExpenseCategory.Travel, 19.90m, "EUR", "Taxi to airport"),
]);
var total = new ClaimTotaliser(rates).Total(claim);
Console.WriteLine($"{total.EmployeeId} {total.TripReference}: {total.Total} GBP");
