using Sentry;
using Rota.Import;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "erostering-sync@1.12.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Monday's pull of the ICU and AMU rosters for payroll.
var rows = new[]
{
    "N-114,ICU,2025-06-02,07:30,19:45",
    "N-201,AMU,2025-06-02,08:00,16:00",
    "N-233,ICU,2025-06-02,07:30,19:45",
    "N-118,ICU,2025-06-02,20:00,08:00",
    "N-201,AMU,2025-06-03,08:00,16:00",
};
var shifts = new RosterImporter().Import(rows);
foreach (var (staff, hours) in WeeklyHours.ByStaff(shifts))
{
    Console.WriteLine($"{staff}: {hours.Total} h ({hours.Night} night)");
}
