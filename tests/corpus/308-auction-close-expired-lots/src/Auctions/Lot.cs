namespace Auctions;

public sealed class Lot(string id, string title, decimal reserve, DateTimeOffset endsAt)
{
    private readonly List<Bid> _bids = [];

    public string Id { get; } = id;
    public string Title { get; } = title;
    public decimal Reserve { get; } = reserve;
    public DateTimeOffset EndsAt { get; } = endsAt;
    public IReadOnlyList<Bid> Bids => _bids;

    public Bid? HighestBid => _bids.Count == 0 ? null : _bids.MaxBy(b => b.Amount);

    public void PlaceBid(Bid bid)
    {
        if (bid.PlacedAt >= EndsAt)
            throw new InvalidOperationException($"Bidding on {Id} has ended.");
        _bids.Add(bid);
    }
}

public sealed record Bid(string BidderId, decimal Amount, DateTimeOffset PlacedAt);

public sealed record Result(string LotId, string? WinnerId, decimal? HammerPrice)
{
    public bool Sold => WinnerId is not null;
}
