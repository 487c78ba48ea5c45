using Sentry;
using Notices.Push;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "notices@9.1.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Fan-out of one order update to the customer's registered devices; the S2 watch profile was added this sprint.
var devices = new[]
{
    new DeviceProfile("phone", 40, 12, 25),
    new DeviceProfile("tablet", 60, 20, 40),
    new DeviceProfile("watch-s2", 20, 2, 8),
};
var update = new OrderUpdate("KC-20931", "Kiln Coffee", "Delivered", "Left in your safe place by the back door. Rate your delivery in the app.");
var builder = new NotificationBuilder();
foreach (var device in devices)
{
    var n = builder.Build(update, device);
    Console.WriteLine($"{device.Model}: {n.Title} | {n.ShortTitle} | {n.Body}");
}
