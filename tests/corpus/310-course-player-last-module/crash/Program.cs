using Sentry;
using Learning;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "lms-api@6.0.9";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// A warehouse operative works through the mandatory manual-handling course on the break-room tablet.
var course = new Course("MH-101", "Manual handling", [
    new("mh-intro", "Why it matters", 4),
    new("mh-tile", "TILE risk assessment", 11),
    new("mh-lift", "Safe lifting technique", 9),
    new("mh-quiz", "Knowledge check", 6),
]);
var enrolment = new Enrolment("EMP-20931", course);
var day = new DateOnly(2026, 7, 14);
for (var i = 0; i < course.Modules.Count; i++)
{
    Console.WriteLine($"finished {enrolment.CurrentModuleId}");
    enrolment.FinishCurrent(day);
}
Console.WriteLine($"completed on {enrolment.CompletedOn}");
