using Auctions;

namespace Auctions.Tests;

public class AuctionHouseTests
{
    private static readonly DateTimeOffset Noon = new(2026, 9, 12, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void HighestBid_IsLargestAmount()
    {
        var lot = new Lot("L1", "Clock", 100m, Noon);
        lot.PlaceBid(new Bid("b1", 90m, Noon.AddMinutes(-30)));
        lot.PlaceBid(new Bid("b2", 120m, Noon.AddMinutes(-5)));
        Assert.Equal("b2", lot.HighestBid!.BidderId);
    }

    [Fact]
    public void CloseEnded_NothingEnded_ClosesNothing()
    {
        var house = new AuctionHouse();
        house.List(new Lot("L2", "Vase", 10m, Noon.AddHours(1)));
        Assert.Empty(house.CloseEnded(Noon));
        Assert.Single(house.OpenLots);
    }

    [Fact]
    public void PlaceBid_AfterEnd_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new Lot("L3", "Rug", 1m, Noon).PlaceBid(new Bid("b", 5m, Noon)));
}
