using Sentry;
using Venue;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "boxoffice-import@2.11.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Nightly import of the listings sheet the programming team edits. The half-term programme adds
// the venue's first morning shows, typed the way the tickets print them.
string[] sheet =
[
    "date,title,doors,curtain,room",
    "2026-10-24,The Gruffalo's Child,9:30,10:00,Studio",
    "2026-10-24,Northern Sinfonia: Brahms 4,18:45,19:30,Main Hall",
    "2026-10-25,Stand-up Sunday,19:00,20:00,Cellar Bar",
];
foreach (var show in ListingSheet.Read(sheet))
{
    Console.WriteLine($"{show.Title}: {show.TicketLine}");
}
