using Sentry;
using Clinic.Api;
using Clinic.Domain;
using Clinic.Infrastructure;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "clinic-api@3.18.1";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// The 18:00 run for tomorrow's list. One patient was merged into a duplicate record after booking.
var patients = new PatientDirectory(
[
    new Patient("4857773456", "Margaret", "Hale", "Peggy", "+447700900123"),
    new Patient("9434765919", "Tom", "Ashby", null, null),
    new Patient("3021148870", "Aisha", "Rahman", null, "+447700900456"),
]);
var book = new AppointmentBook();
book.Add(new Appointment(Guid.NewGuid(), "485 777 3456", new DateTime(2025, 6, 10, 9, 20, 0), "Dr Okafor", "Room 3"));
book.Add(new Appointment(Guid.NewGuid(), "943 476 5919", new DateTime(2025, 6, 10, 11, 0, 0), "Nurse Patel", "Room 1"));
book.Add(new Appointment(Guid.NewGuid(), "401 023 2137", new DateTime(2025, 6, 10, 14, 10, 0), "Dr Lindqvist", "Room 2"));
book.Add(new Appointment(Guid.NewGuid(), "302 114 8870", new DateTime(2025, 6, 10, 15, 30, 0), "Dr Okafor", "Room 3"));

var job = new ReminderJob(book, patients, new ReminderComposer("Harbour Street Surgery"));
var batch = job.BuildBatch(new DateOnly(2025, 6, 10));
Console.WriteLine($"{batch.Messages.Count} texts, {batch.NoMobile.Count} calls, {batch.Unmatched.Count} to check");
