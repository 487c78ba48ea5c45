using Sentry;
using Catalogue.Import;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "catalogue-sync@4.7.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// 02:00 import of Harcourt's stock feed.
var feed = """
sku;description;qty;unit_cost;available_from
HS-1042;Brass hinge 75mm;240;1.85;01/04/2025
HS-1043;Brass hinge 100mm;180;2.10;01/04/2025
HS-2210;Oak door knob;60;7.40;03/04/2025
HS-2211;Oak door knob, pair;30;13.90;11/04/2025
HS-3001;Cabinet latch;500;0.62;17/04/2025
HS-3007;Magnetic catch;350;0.48;22/04/2025
""";
var lines = new FeedParser().Parse(new StringReader(feed));
Console.Write(new AcknowledgementWriter().Write(lines, new DateOnly(2025, 3, 28)));
