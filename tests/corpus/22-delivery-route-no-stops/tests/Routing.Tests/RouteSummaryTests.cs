using Routing;

namespace Routing.Tests;

public class RouteSummaryTests
{
    private static DeliveryRoute Route()
    {
        var route = new DeliveryRoute { Van = "VAN-1", Driver = "Sam" };
        route.Stops.Add(new Stop { Postcode = "LS1 4AB", WindowOpens = new TimeOnly(9, 0), Parcels = 2, LegKm = 3.5 });
        route.Stops.Add(new Stop { Postcode = "LS6 2QT", WindowOpens = new TimeOnly(8, 0), Parcels = 1, LegKm = 4.25 });
        return route;
    }

    [Fact]
    public void Headline_DescribesRoute()
    {
        Assert.Equal("VAN-1 (Sam): 2 stops, LS1 4AB -> LS6 2QT, 7.8 km", RouteSummary.Headline(Route()));
    }

    [Fact]
    public void EarliestWindow_IsMinimum()
    {
        Assert.Equal(new TimeOnly(8, 0), RouteSummary.EarliestWindow(Route()));
    }

    [Fact]
    public void LastPostcode_NoStops_IsDash()
    {
        Assert.Equal("-", RouteSummary.LastPostcode(new DeliveryRoute { Van = "VAN-2", Driver = "Ola" }));
    }

    [Fact]
    public void Sheet_ListsParcels()
    {
        var sheet = new DispatchSheet();
        sheet.Add(Route());

        Assert.Contains("leave 07:30, first window 08:00, 3 parcels", sheet.Render());
    }
}
