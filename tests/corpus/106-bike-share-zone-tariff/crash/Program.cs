using Sentry;
using BikeShare.Pricing;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "bikeshare-billing@4.0.7";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// End-of-day billing run. Quarry Lane (zone N7) opened this morning; pricing meets on Thursday.
var docks = new Dictionary<string, Dock>
{
    ["D-001"] = new("D-001", "Central Station", "C1"),
    ["D-014"] = new("D-014", "Market Square", "C1"),
    ["D-214"] = new("D-214", "Riverside Park", "O3"),
    ["D-300"] = new("D-300", "Quarry Lane", "N7"),
};
var map = new TariffMap(new Dictionary<string, Tariff> { ["C1"] = Tariff.Central, ["C2"] = Tariff.Central, ["O3"] = Tariff.Outer, ["S1"] = Tariff.Standard });
var calculator = new FareCalculator(map);
var day = new DateTimeOffset(2025, 7, 1, 7, 0, 0, TimeSpan.FromHours(1));
var rides = new[]
{
    new Ride("B-77", docks["D-001"], docks["D-214"], day, day.AddMinutes(14), false),
    new Ride("E-03", docks["D-214"], docks["D-014"], day.AddMinutes(40), day.AddMinutes(58), true),
    new Ride("B-12", docks["D-300"], docks["D-001"], day.AddHours(2), day.AddHours(2).AddMinutes(23), false),
};
decimal takings = 0;
foreach (var ride in rides)
{
    takings += calculator.Fare(ride);
}
Console.WriteLine($"{rides.Length} rides, {takings:0.00} GBP");
