using Sentry;
using Transit.Data;
using Transit.Display;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "stopboards@2.8.1";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// The board refresh loop for three stops, run at 23:05.
var timetable = new Timetable();
foreach (var (stop, route, dest, h, m) in new[]
{
    ("HX041", "7", "Town Centre", 22, 40), ("HX041", "7", "Town Centre", 23, 10), ("HX041", "12", "Hospital", 23, 25),
    ("HX052", "3", "Rail Station", 22, 55), ("HX052", "3", "Rail Station", 23, 35),
    ("HX060", "12", "Hospital", 21, 50), ("HX060", "12", "Hospital", 22, 50),
})
{
    timetable.Add(stop, new Departure(route, dest, new TimeOnly(h, m), true));
}
var board = new StopBoard(timetable);
var now = new TimeOnly(23, 5);
foreach (var stop in new[] { "HX041", "HX052", "HX060" })
{
    Console.WriteLine($"[{stop}] {string.Join(" | ", board.Render(stop, now))}");
}
