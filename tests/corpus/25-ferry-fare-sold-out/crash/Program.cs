using Sentry;
using Ferries;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "ferry-web@7.1.3";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// The site rebuilds the weekly departures page every few minutes. The Friday evening sailing sold out
// (both fare classes) a few minutes ago.
var fares = new FareTable();
var friday = new Sailing("Portsmouth-Caen", new DateTime(2026, 7, 3, 18, 30, 0));
var saturday = new Sailing("Portsmouth-Caen", new DateTime(2026, 7, 4, 8, 15, 0));
var sunday = new Sailing("Portsmouth-Caen", new DateTime(2026, 7, 5, 8, 15, 0));
fares.Add(new Fare(friday.Route, friday.Departs, "Standard", 89.50m, 0));
fares.Add(new Fare(friday.Route, friday.Departs, "Club", 129.00m, 0));
fares.Add(new Fare(saturday.Route, saturday.Departs, "Standard", 74.00m, 41));
fares.Add(new Fare(saturday.Route, saturday.Departs, "Club", 112.00m, 9));
fares.Add(new Fare(sunday.Route, sunday.Departs, "Standard", 68.00m, 120));
foreach (var line in new TimetablePage(fares).Render([sunday, friday, saturday]))
{
    Console.WriteLine(line);
}
