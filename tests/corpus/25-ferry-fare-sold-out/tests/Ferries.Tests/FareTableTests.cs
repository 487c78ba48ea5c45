using Ferries;

namespace Ferries.Tests;

public class FareTableTests
{
    private static readonly Sailing Evening = new("Portsmouth-Caen", new DateTime(2026, 7, 3, 18, 30, 0));

    private static FareTable Table(int standardSeats = 2)
    {
        var table = new FareTable();
        table.Add(new Fare(Evening.Route, Evening.Departs, "Standard", 89.50m, standardSeats));
        table.Add(new Fare(Evening.Route, Evening.Departs, "Club", 129m, 4));
        return table;
    }

    [Fact]
    public void CheapestFare_IsLowestWithSeats() => Assert.Equal(89.50m, Table().CheapestFare(Evening));

    [Fact]
    public void CheapestFare_SkipsSoldOutClass() => Assert.Equal(129m, Table(standardSeats: 0).CheapestFare(Evening));

    [Fact]
    public void Timetable_ShowsFromPriceAndSeats() =>
        Assert.Equal("Fri 18:30 Portsmouth-Caen  from £89.50  (6 seats)", new TimetablePage(Table()).Line(Evening));

    [Fact]
    public void BookCheapest_ChargesCheapestAndTakesASeat()
    {
        var table = Table(standardSeats: 1);

        var booking = new OnlineBooking(table).BookCheapest(Evening);

        Assert.Equal(("Standard", 89.50m), (booking.FareClass, booking.Charged));
        Assert.Equal(129m, table.CheapestFare(Evening));
    }
}
