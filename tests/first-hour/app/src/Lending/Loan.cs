namespace Lending;

public sealed record Loan(string Id, Member Member, DateOnly Due);

public sealed class LoanBook
{
    private readonly Dictionary<string, Loan> _loans;

    public LoanBook(IEnumerable<Loan> loans)
    {
        _loans = loans.ToDictionary(loan => loan.Id);
    }

    public Loan Get(string id)
    {
        return _loans.TryGetValue(id, out var loan) ? loan : throw new KeyNotFoundException($"No loan '{id}'.");
    }

    public static LoanBook Sample()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var ada = new Member("m-1", "Ada", new MembershipPlan("reader+", 7));
        var ben = new Member("m-2", "Ben", null);
        return new LoanBook([new Loan("L-1", ada, today.AddDays(-10)), new Loan("L-2", ben, today.AddDays(-3))]);
    }
}
