using Sentry;
using HomeHub.Core;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "homehub-firmware@0.31.2";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// The hub's event loop while a user adds a motion sensor from the app; the lighting automation also listens.
var bus = new HubEventBus();
var lights = new List<string>();
bus.Subscribe<SensorReading>(r => { if (r.Kind == "motion" && r.Value > 0) lights.Add(r.DeviceId); });
var wizard = new PairingWizard(bus);
wizard.Start();
bus.Subscribe<DevicePaired>(p => Console.WriteLine($"app bridge: {p.DeviceId} paired in {p.Room}"));

bus.Publish(new SensorReading("th-01", "temperature", 19.5));
bus.Publish(new DevicePaired("zb-7f21", "motion sensor", "Hall"));
bus.Publish(new SensorReading("zb-7f21", "motion", 1));
Console.WriteLine($"{wizard.SuggestedName}; lights on for {string.Join(",", lights)}");
