using Sentry;
using Attendance;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "school-mis-jobs@5.2.3";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// 9:15 - the morning register has closed and the office's call list is generated.
var pupils = new List<Pupil>
{
    new() { Upn = "H801204319021", Name = "Amelia Clarke", Form = "8H", Guardians = { new() { Name = "Joanne Clarke", Phone = "07700 900321", IsPrimaryContact = true } } },
    new() { Upn = "H801204319077", Name = "Rayan Hussain", Form = "8H", Guardians = {
        new() { Name = "Samina Hussain", Phone = "07700 900654", IsPrimaryContact = true },
        new() { Name = "Imran Hussain", Phone = "07700 900987", IsPrimaryContact = true } } },
    new() { Upn = "H801204319102", Name = "Oscar Flynn", Form = "8J", Guardians = { new() { Name = "Paul Flynn", Phone = "07700 900111", IsPrimaryContact = false } } },
};
var register = "H801204319021,/\nH801204319077,N\nH801204319102,N";
foreach (var call in AbsenceCalls.For(pupils, Register.UnexplainedAbsences(register)))
{
    Console.WriteLine($"{call.Form} {call.PupilName}: ring {call.GuardianName} on {call.Phone}");
}
