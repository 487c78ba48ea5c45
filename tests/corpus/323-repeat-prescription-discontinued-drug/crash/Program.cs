using Sentry;
using Pharmacy;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "practice-repeats@2.3.1";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Overnight pass over the online repeat requests. Ranitidine was withdrawn and removed from the practice
// formulary last month; one patient still has it on their repeat template.
var formulary = new Formulary([
    new Drug("AML5", "Amlodipine 5mg tablets", 5m, 10m),
    new Drug("ATV20", "Atorvastatin 20mg tablets", 20m, 80m),
    new Drug("MET500", "Metformin 500mg tablets", 500m, 2000m),
    new Drug("OME20", "Omeprazole 20mg capsules", 20m, 40m),
]);
var requests = new[]
{
    new RepeatRequest("943 476 5919", "ATV20", 1, 56),
    new RepeatRequest("401 023 2137", "MET500", 2, 28),
    new RepeatRequest("485 777 3456", "RAN150", 2, 28),
    new RepeatRequest("722 106 9934", "OME20", 1, 28),
};
foreach (var d in new RepeatChecker(formulary).CheckBatch(requests))
{
    Console.WriteLine($"{d.Request.PatientNhsNumber} {d.Request.DrugCode}: {d.Outcome} ({d.Reason})");
}
