namespace Expenses.Domain;

public enum ExpenseCategory
{
    Travel,
    Accommodation,
    Subsistence,
    Other,
}

/// <summary>One receipt on a claim, in the currency it was paid in.</summary>
public sealed record ExpenseLine(DateOnly Date, ExpenseCategory Category, decimal Amount, string Currency, string Description);

public sealed class ExpenseClaim
{
    public ExpenseClaim(string employeeId, string tripReference, IEnumerable<ExpenseLine> lines)
    {
        EmployeeId = employeeId;
        TripReference = tripReference;
        Lines = lines.ToList();
    }

    public string EmployeeId { get; }

    public string TripReference { get; }

    public IReadOnlyList<ExpenseLine> Lines { get; }
}
