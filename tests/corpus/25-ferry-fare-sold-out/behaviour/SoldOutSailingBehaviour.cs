using Ferries;

namespace Ferries.Behaviour.Tests;

// The owner's decision (not inferable from the code): a sailing with no seats left has no cheapest fare -
// CheapestFare returns null and the timetable says "sold out". 0 must never be shown or charged, and the
// timetable must not fail for the whole week because one sailing is full.
public class SoldOutSailingBehaviour
{
    private static readonly Sailing Full = new("Portsmouth-Caen", new DateTime(2026, 7, 3, 18, 30, 0));
    private static readonly Sailing Open = new("Portsmouth-Caen", new DateTime(2026, 7, 4, 8, 15, 0));

    private static FareTable Table()
    {
        var table = new FareTable();
        table.Add(new Fare(Full.Route, Full.Departs, "Standard", 89.50m, 0));
        table.Add(new Fare(Full.Route, Full.Departs, "Club", 129m, 0));
        table.Add(new Fare(Open.Route, Open.Departs, "Standard", 74m, 12));
        return table;
    }

    [Fact]
    public void CheapestFare_SoldOut_IsNull() => Assert.Null(Table().CheapestFare(Full));

    [Fact]
    public void Timetable_SoldOutSailing_SaysSoldOut() =>
        Assert.Equal(
            ["Fri 18:30 Portsmouth-Caen  sold out", "Sat 08:15 Portsmouth-Caen  from £74.00  (12 seats)"],
            new TimetablePage(Table()).Render([Open, Full]));

    [Fact]
    public void BookCheapest_SoldOut_NeverChargesZero()
    {
        var table = Table();
        Booking? booking = null;
        try
        {
            booking = new OnlineBooking(table).BookCheapest(Full);
        }
        catch (InvalidOperationException)
        {
        }

        Assert.True(booking is null || booking.Charged > 0m);
    }
}
