namespace Loyalty;

public sealed record StatementLine(DateOnly Date, string Store, decimal Amount, int Points);

public sealed record Statement(string MemberNumber, string Heading, IReadOnlyList<StatementLine> Lines)
{
    public int TotalPoints => Lines.Sum(l => l.Points);
}

public sealed class StatementBuilder
{
    private readonly IReadOnlyDictionary<string, Member> _members;

    public StatementBuilder(IEnumerable<Member> members) =>
        _members = members.ToDictionary(m => m.Number);

    public Statement Build(string memberNumber, IEnumerable<Purchase> purchases, int year, int month)
    {
        var member = _members[memberNumber];
        var lines = new List<StatementLine>();
        foreach (var p in purchases.Where(p => p.MemberNumber == memberNumber && p.Date.Year == year && p.Date.Month == month).OrderBy(p => p.Date))
        {
            lines.Add(new StatementLine(p.Date, p.Store, p.Amount, PointsCalculator.PointsFor(member, p)));
        }

        var heading = $"{member.DisplayName} ({PointsCalculator.TierLabel(member)}) - {year}-{month:00}";
        return new Statement(member.Number, heading, lines);
    }
}
