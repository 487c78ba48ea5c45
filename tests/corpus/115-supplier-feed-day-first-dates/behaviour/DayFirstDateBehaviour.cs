using Catalogue.Import;

public class DayFirstDateBehaviour
{
    private const string Feed =
        "sku;description;qty;unit_cost;available_from\n" +
        "HS-1042;Brass hinge 75mm;240;1.85;03/04/2025\n" +
        "HS-2210;Oak door knob;60;7.40;17/04/2025\n" +
        "HS-3001;Cabinet latch;500;0.62;28/02/2025\n";

    [Fact]
    public void Parse_DayFirstDates_AreReadDayFirst()
    {
        var lines = new FeedParser().Parse(new StringReader(Feed));

        Assert.Equal(
            [new DateOnly(2025, 4, 3), new DateOnly(2025, 4, 17), new DateOnly(2025, 2, 28)],
            lines.Select(l => l.AvailableFrom));
    }

    [Fact]
    public void Parse_KeepsEveryLine()
    {
        Assert.Equal(["HS-1042", "HS-2210", "HS-3001"], new FeedParser().Parse(new StringReader(Feed)).Select(l => l.SupplierSku));
    }
}
