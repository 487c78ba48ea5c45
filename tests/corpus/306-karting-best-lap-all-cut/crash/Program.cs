using Sentry;
using Timing;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "trackside-timing@1.12.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Saturday arrive-and-drive, qualifying session 2. Kart 14 cut the hairpin on every lap it completed.
(string Kart, string Name, (double Seconds, bool Cut)[] Laps)[] session =
[
    ("3", "M. Okafor", [(47.912, false), (46.803, false), (46.551, false)]),
    ("14", "J. Lindqvist", [(45.220, true), (45.007, true)]),
    ("21", "S. Patel", [(48.330, false), (46.998, true), (47.105, false)]),
    ("8", "R. Costa", [(46.420, false), (46.389, false)]),
];
var drivers = new List<Driver>();
foreach (var (kart, name, laps) in session)
{
    var driver = new Driver(kart, name);
    for (var i = 0; i < laps.Length; i++) driver.Laps.Add(new Lap(i + 1, TimeSpan.FromSeconds(laps[i].Seconds), laps[i].Cut));
    drivers.Add(driver);
}
foreach (var s in Leaderboard.Qualifying(drivers))
{
    Console.WriteLine($"P{s.Position} #{s.KartNumber} {s.Name} {s.BestLapText} ({s.Cuts} cuts)");
}
