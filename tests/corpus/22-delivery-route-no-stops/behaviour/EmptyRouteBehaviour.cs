using Routing;

namespace Routing.Behaviour.Tests;

// A van whose parcels were all moved to other vans still appears on the sheet, with "-" for both ends.
public class EmptyRouteBehaviour
{
    [Fact]
    public void FirstPostcode_NoStops_IsDash()
    {
        Assert.Equal(RouteSummary.NoStop, RouteSummary.FirstPostcode(new DeliveryRoute { Van = "VAN-3", Driver = "Mo" }));
    }

    [Fact]
    public void Headline_NoStops_UsesDashForBothEnds()
    {
        Assert.Equal("VAN-3 (Mo): 0 stops, - -> -, 0.0 km", RouteSummary.Headline(new DeliveryRoute { Van = "VAN-3", Driver = "Mo" }));
    }

    [Fact]
    public void Sheet_WithEmptyVan_RendersEveryVan()
    {
        var busy = new DeliveryRoute { Van = "VAN-1", Driver = "Sam", Departure = new TimeOnly(7, 0) };
        busy.Stops.Add(new Stop { Postcode = "YO1 7HH", WindowOpens = new TimeOnly(9, 0), LegKm = 2 });
        var sheet = new DispatchSheet();
        sheet.Add(busy);
        sheet.Add(new DeliveryRoute { Van = "VAN-3", Driver = "Mo" });

        var text = sheet.Render();

        Assert.Contains("VAN-1 (Sam): 1 stops, YO1 7HH -> YO1 7HH, 2.0 km", text);
        Assert.Contains("VAN-3 (Mo): 0 stops, - -> -, 0.0 km", text);
        Assert.Contains("leave 07:30, nothing to deliver", text);
    }
}
