using Catalogue.Domain;
using Catalogue.Import;

public class FeedParserTests
{
    [Fact]
    public void Parse_ReadsEveryField()
    {
        var feed = new StringReader("sku;description;qty;unit_cost;available_from\nHS-1042; Brass hinge 75mm ;240;1.85;12/12/2025\n");

        var line = Assert.Single(new FeedParser().Parse(feed));

        Assert.Equal(new StockLine("HS-1042", "Brass hinge 75mm", 240, 1.85m, new DateOnly(2025, 12, 12)), line);
    }

    [Fact]
    public void Parse_WrongHeader_IsRejected()
    {
        Assert.Throws<InvalidDataException>(() => new FeedParser().Parse(new StringReader("sku,qty\n")));
    }

    [Fact]
    public void Write_AcknowledgesInTheSuppliersDateFormat()
    {
        var text = new AcknowledgementWriter().Write([new StockLine("HS-1042", "Brass hinge", 240, 1.85m, new DateOnly(2025, 4, 1))], new DateOnly(2025, 4, 9));
        Assert.Equal("sku;processed_on\nHS-1042;09/04/2025\n", text.Replace("\r\n", "\n"));
    }
}
