using Sentry;
using Auctions;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "auction-closer@2.0.4";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// The closer runs every minute. At 19:00 the whole "Mid-century furniture" sale ends at once.
var end = new DateTimeOffset(2026, 10, 4, 19, 0, 0, TimeSpan.FromHours(1));
var house = new AuctionHouse();
var lots = new[]
{
    new Lot("MCF-001", "Ercol Windsor dining chair (set of 4)", 280m, end),
    new Lot("MCF-002", "G-Plan teak sideboard", 350m, end),
    new Lot("MCF-003", "Anglepoise 1227 lamp", 90m, end),
    new Lot("GEN-418", "Box of vinyl LPs", 20m, end.AddDays(2)),
};
lots[0].PlaceBid(new Bid("u-7781", 300m, end.AddMinutes(-14)));
lots[1].PlaceBid(new Bid("u-1022", 310m, end.AddMinutes(-3)));
lots[2].PlaceBid(new Bid("u-7781", 95m, end.AddMinutes(-1)));
foreach (var lot in lots) house.List(lot);

foreach (var result in house.CloseEnded(end.AddSeconds(20)))
{
    Console.WriteLine(result.Sold ? $"{result.LotId} sold to {result.WinnerId} for £{result.HammerPrice}" : $"{result.LotId} unsold");
}
