namespace Marketing;

public sealed record Budget(string Campaign, decimal Monthly, DateOnly Start);

public static class BudgetPacing
{
    public static decimal Remaining(Budget budget, decimal spentSoFar) => budget.Monthly - spentSoFar;

    public static decimal ExpectedSpend(Budget budget, DateOnly today) =>
        Math.Round(budget.Monthly * today.Day / DateTime.DaysInMonth(today.Year, today.Month), 2);

    public static bool IsOverspending(Budget budget, decimal spentSoFar, DateOnly today) =>
        spentSoFar > ExpectedSpend(budget, today) * 1.1m;

    public static IReadOnlyList<string> Alerts(IEnumerable<(Budget Budget, decimal Spent)> campaigns, DateOnly today) =>
        campaigns.Where(c => IsOverspending(c.Budget, c.Spent, today))
                 .Select(c => $"{c.Budget.Campaign}: spent {c.Spent:0.00} of {c.Budget.Monthly:0.00}")
                 .ToList();

    public static decimal Forecast(Budget budget, decimal spentSoFar, DateOnly today) =>
        Math.Round(spentSoFar * DateTime.DaysInMonth(today.Year, today.Month) / today.Day, 2);

    public static IReadOnlyList<Budget> Active(IEnumerable<Budget> budgets, DateOnly today) =>
        budgets.Where(b => b.Start <= today).OrderBy(b => b.Campaign, StringComparer.Ordinal).ToList();

    public static decimal TotalMonthly(IEnumerable<Budget> budgets) => budgets.Sum(b => b.Monthly);

    public static Budget Increase(Budget budget, decimal amount) => budget with { Monthly = budget.Monthly + amount };
}
