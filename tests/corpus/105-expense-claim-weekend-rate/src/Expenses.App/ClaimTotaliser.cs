using Expenses.Domain;
using Expenses.Rates;

namespace Expenses.App;

public sealed record ClaimTotal(string EmployeeId, string TripReference, decimal Total, IReadOnlyDictionary<ExpenseCategory, decimal> ByCategory);

/// <summary>Totals claims in the company's base currency for the payroll export.</summary>
public sealed class ClaimTotaliser
{
    private readonly RateTable _rates;

    public ClaimTotaliser(RateTable rates)
    {
        _rates = rates;
    }

    public ClaimTotal Total(ExpenseClaim claim)
    {
        var byCategory = new Dictionary<ExpenseCategory, decimal>();
        foreach (var line in claim.Lines)
        {
            var amount = _rates.ToBase(line.Amount, line.Currency, line.Date);
            byCategory[line.Category] = byCategory.GetValueOrDefault(line.Category) + amount;
        }
        return new ClaimTotal(claim.EmployeeId, claim.TripReference, byCategory.Values.Sum(), byCategory);
    }
}
