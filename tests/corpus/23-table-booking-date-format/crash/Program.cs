using Sentry;
using Bookings;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "trattoria-web@3.2.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// POST /book on the restaurant's site. The second guest's browser has no date picker, so the date field
// arrived as typed.
var endpoint = new BookingEndpoint(new BookingRequestParser(new DateOnly(2026, 6, 3)));
var posts = new[]
{
    new BookingForm { Name = "Marco Bell", Email = "marco.bell@example.com", Date = "2026-06-05", Time = "20:00", PartySize = "2" },
    new BookingForm { Name = "Ines Ruiz", Email = "ines.ruiz@example.net", Date = "06/06/2026", Time = "19:30", PartySize = "5" },
};
foreach (var post in posts)
{
    var response = endpoint.Submit(post);
    Console.WriteLine(response.Accepted ? $"booked {response.Reference}" : $"invalid {response.Field}: {response.Error}");
}
