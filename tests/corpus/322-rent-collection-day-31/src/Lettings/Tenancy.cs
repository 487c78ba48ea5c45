namespace Lettings;

public sealed class Tenancy
{
    public Tenancy(string reference, string tenant, decimal monthlyRent, int collectionDay, DateOnly startsOn)
    {
        if (collectionDay is < 1 or > 31)
            throw new ArgumentOutOfRangeException(nameof(collectionDay), collectionDay, "Collection day must be 1-31.");
        if (monthlyRent <= 0)
            throw new ArgumentOutOfRangeException(nameof(monthlyRent));
        Reference = reference;
        Tenant = tenant;
        MonthlyRent = monthlyRent;
        CollectionDay = collectionDay;
        StartsOn = startsOn;
    }

    public string Reference { get; }
    public string Tenant { get; }
    public decimal MonthlyRent { get; }

    /// <summary>Day of the month the tenant chose for the direct debit.</summary>
    public int CollectionDay { get; }

    public DateOnly StartsOn { get; }
}
