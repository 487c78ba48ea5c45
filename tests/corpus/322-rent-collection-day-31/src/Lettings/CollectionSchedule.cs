namespace Lettings;

public sealed record Collection(string TenancyRef, DateOnly Date, decimal Amount);

public static class CollectionSchedule
{
    /// <summary>The direct debits to submit for one calendar month, in date order.</summary>
    public static IReadOnlyList<Collection> ForMonth(IEnumerable<Tenancy> tenancies, int year, int month) =>
        tenancies
            .Select(t => new Collection(t.Reference, new DateOnly(year, month, t.CollectionDay), t.MonthlyRent))
            .Where(c => c.Date >= tenancies.First(t => t.Reference == c.TenancyRef).StartsOn)
            .OrderBy(c => c.Date)
            .ThenBy(c => c.TenancyRef, StringComparer.Ordinal)
            .ToList();

    public static decimal Expected(IReadOnlyList<Collection> collections) => collections.Sum(c => c.Amount);
}
