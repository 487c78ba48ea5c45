using Auctions;

namespace Auctions.Behaviour.Tests;

public class SeveralEndedBehaviour
{
    private static readonly DateTimeOffset Noon = new(2026, 9, 12, 12, 0, 0, TimeSpan.Zero);

    private static AuctionHouse House()
    {
        var house = new AuctionHouse();
        var a = new Lot("A", "Chair", 50m, Noon.AddMinutes(-10));
        a.PlaceBid(new Bid("x", 60m, Noon.AddMinutes(-20)));
        var b = new Lot("B", "Lamp", 40m, Noon.AddHours(2));
        var c = new Lot("C", "Print", 200m, Noon);
        c.PlaceBid(new Bid("y", 150m, Noon.AddMinutes(-1)));
        var d = new Lot("D", "Desk", 80m, Noon.AddMinutes(-1));
        d.PlaceBid(new Bid("z", 80m, Noon.AddMinutes(-2)));
        foreach (var lot in new[] { a, b, c, d }) house.List(lot);
        return house;
    }

    [Fact]
    public void CloseEnded_SeveralEndedLots_ClosesAllOfThemInListingOrder()
    {
        var house = House();
        var results = house.CloseEnded(Noon);
        Assert.Equal([new Result("A", "x", 60m), new Result("C", null, null), new Result("D", "z", 80m)], results);
        Assert.Equal(["B"], house.OpenLots.Select(l => l.Id));
        Assert.Equal(results, house.Results);
    }

    [Fact]
    public void CloseEnded_CalledAgain_AddsNothing()
    {
        var house = House();
        house.CloseEnded(Noon);
        Assert.Empty(house.CloseEnded(Noon));
        Assert.Equal(3, house.Results.Count);
    }
}
