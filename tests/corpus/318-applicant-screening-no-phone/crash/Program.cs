using Sentry;
using Hiring;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "careers-portal@4.2.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Screening the applications for "Senior Data Engineer" before the hiring manager's review.
var applicants = new[]
{
    new Applicant("APP-3301", "Niamh Byrne", "niamh.byrne@fastmail.com", "07700 900461", "https://github.com/nbyrne", 7, true),
    new Applicant("APP-3302", "Kwame Mensah", "kwame.mensah@gmail.com", "+44 7911 123456", null, 5, true),
    new Applicant("APP-3307", "Yuki Tanaka", "yuki@tanaka.dev", null, "https://tanaka.dev", 9, true),
    new Applicant("APP-3310", "Leo Grant", "leo.grant@outlook.com", "07123 456789", null, 1, true),
};
var result = Shortlist.Build(applicants, minimumYears: 4);
Console.WriteLine($"{result.Shortlisted.Count} shortlisted, {result.NeedsFollowUp.Count} need follow-up");
