using Sentry;
using Timesheets;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "timesheets-worker@1.6.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Friday import of the week's export from the time tracker, for the project cost report.
const string export = """
employee|project|date|hours|note
a.nowak|harbour-bridge|2026-09-21|7.5|site survey with council
a.nowak|harbour-bridge|2026-09-22|6|
j.ferris|harbour-bridge|2026-09-22|8|load calcs
j.ferris|school-annex|2026-09-23|4.5
m.odu|school-annex|2026-09-23|7.5|planning portal upload
""";
var entries = ProjectHours.Import(export);
foreach (var total in ProjectHours.Totals(entries))
{
    Console.WriteLine($"{total.Project}: {total.Hours}h over {total.Entries} entries");
}
