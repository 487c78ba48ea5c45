using Sentry;
using Payroll;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "payroll-scheduler@1.9.3";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// The scheduler publishes next year's pay dates to the intranet every December.
var calendar = new WorkingDayCalendar(new FixedHolidaySource(
    new DateOnly(2027, 1, 1), new DateOnly(2027, 3, 26), new DateOnly(2027, 3, 29), new DateOnly(2027, 5, 3),
    new DateOnly(2027, 5, 31), new DateOnly(2027, 8, 30), new DateOnly(2027, 12, 27), new DateOnly(2027, 12, 28)));
var schedule = new PaySchedule(calendar);
foreach (var date in schedule.PayDatesFor(2027))
{
    Console.WriteLine($"{date:yyyy-MM-dd} ({date.DayOfWeek})");
}
