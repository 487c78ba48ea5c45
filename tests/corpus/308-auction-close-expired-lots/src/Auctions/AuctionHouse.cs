namespace Auctions;

public sealed class AuctionHouse
{
    private readonly List<Lot> _open = [];
    private readonly List<Result> _results = [];

    public IReadOnlyList<Lot> OpenLots => _open;
    public IReadOnlyList<Result> Results => _results;

    public void List(Lot lot) => _open.Add(lot);

    /// <summary>
    /// Closes every lot whose bidding has ended by <paramref name="now"/>: it leaves the open list and gets a
    /// result (sold to the highest bidder when the reserve is met, otherwise unsold). Returns the results added.
    /// </summary>
    public IReadOnlyList<Result> CloseEnded(DateTimeOffset now)
    {
        var closed = new List<Result>();
        foreach (var lot in _open)
        {
            if (lot.EndsAt > now)
                continue;

            _open.Remove(lot);
            var result = Settle(lot);
            _results.Add(result);
            closed.Add(result);
        }
        return closed;
    }

    private static Result Settle(Lot lot) =>
        lot.HighestBid is { } top && top.Amount >= lot.Reserve
            ? new Result(lot.Id, top.BidderId, top.Amount)
            : new Result(lot.Id, null, null);
}
