using Sentry;
using Fleet.Telematics;
using System.Collections.Generic;
using System.Linq;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "fleet-reports@5.2.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Nightly trip report for the depot: two badged drivers and one pool van that was out all afternoon.
var t0 = new DateTime(2025, 2, 3, 8, 0, 0);
List<GpsPing> Route(DateTime start, double lat, double lon, int n) =>
    Enumerable.Range(0, n).Select(i => new GpsPing { Time = start.AddMinutes(5 * i), Lat = lat + i * 0.003, Lon = lon - i * 0.002, SpeedKmh = 20 + (i * 7) % 50 }).ToList();
var trips = new List<Trip>
{
    new Trip { VehicleReg = "KX71 ODF", Driver = new Driver { Id = "D-17", Name = "Sam Ortiz" }, Pings = Route(t0, 51.50, -0.12, 14) },
    new Trip { VehicleReg = "KX71 ODG", Driver = new Driver { Id = "D-04", Name = "Priya Nair" }, Pings = Route(t0.AddHours(1), 51.48, -0.10, 20) },
    new Trip { VehicleReg = "LN19 WZP", Pings = Route(t0.AddHours(5), 51.52, -0.08, 31) },
};
var report = new TripReport();
Console.Write(report.ToCsv(trips.Select(report.Summarise).ToList()));
