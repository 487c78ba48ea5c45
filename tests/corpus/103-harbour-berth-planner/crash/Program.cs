using Sentry;
using Harbour.Berthing;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "berthing@1.9.4";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

var registry = new VesselRegistry();
registry.Register(new Vessel("9321483", "Celtic Mariner", 180, 9.2));
registry.Register(new Vessel("8512291", "Girl Rachael", 24, 3.1));
registry.Register(new Vessel("9176187", "Arklow Rose", 89, 5.7));
var planner = new BerthPlanner(registry,
[
    new Berth("North Quay", 220, 11.5),
    new Berth("Coaster Berth", 95, 6.8),
    new Berth("Fish Dock", 60, 5.0),
]);

// Tuesday's calls from the agents' portal; a new charter vessel was announced before its registration came through.
var day = new DateTime(2025, 4, 15);
var plan = planner.Plan(
[
    new PortCall("8512291", day.AddHours(4), day.AddHours(9)),
    new PortCall("9321483", day.AddHours(6), day.AddHours(18)),
    new PortCall("9702338", day.AddHours(7), day.AddHours(15)),
    new PortCall("9176187", day.AddHours(11), day.AddHours(20)),
]);
foreach (var a in plan.Assignments) Console.WriteLine($"{a.VesselName} -> {a.Berth.Name}");
foreach (var (call, reason) in plan.Unplanned) Console.WriteLine($"{call.Imo}: {reason}");
