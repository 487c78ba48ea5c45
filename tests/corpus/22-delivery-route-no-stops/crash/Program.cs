using Sentry;
using Routing;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "depot-dispatch@1.14.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Morning dispatch at the Leeds depot. VAN-07's only stops were moved to VAN-04 after a breakdown swap,
// so it is still on the roster with an empty route.
var sheet = new DispatchSheet();
var van4 = new DeliveryRoute { Van = "VAN-04", Driver = "Priya Nair", Departure = new TimeOnly(7, 0) };
van4.Stops.Add(new Stop { Postcode = "LS11 5DL", WindowOpens = new TimeOnly(8, 30), Parcels = 3, LegKm = 6.2 });
van4.Stops.Add(new Stop { Postcode = "LS12 3AX", WindowOpens = new TimeOnly(9, 0), Parcels = 1, LegKm = 2.9 });
van4.Stops.Add(new Stop { Postcode = "LS27 0BN", WindowOpens = new TimeOnly(10, 0), Parcels = 5, LegKm = 8.4 });
sheet.Add(van4);
sheet.Add(new DeliveryRoute { Van = "VAN-07", Driver = "Tom Hale", Departure = new TimeOnly(7, 45) });
Console.Write(sheet.Render());
