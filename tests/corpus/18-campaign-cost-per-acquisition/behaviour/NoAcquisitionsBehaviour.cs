using Marketing;

namespace Marketing.Behaviour.Tests;

// The owner's decision (not inferable from the code): with no new customers the cost per acquisition is
// undefined, reported as "n/a" - neither 0 (it would look like the best campaign) nor the whole spend.
public class NoAcquisitionsBehaviour
{
    private static readonly Campaign Brand = new("Brand", 300m, 20_000, 150, 0);

    [Fact]
    public void Row_NoNewCustomers_ShowsNotApplicable() => Assert.Equal("Brand: CTR 0.75% | CPC 2.00 | CPA n/a", CampaignDashboard.Row(Brand));
}
