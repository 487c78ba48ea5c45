using Sentry;
using Ledger.Posting;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "ledger-sync@2.2.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Month-end: the Dublin subsidiary's intercompany journals for September.
var rows = new[]
{
    "IC-0931,2025-09-30,Management recharge Q3,1250,12500.00,0",
    "IC-0931,2025-09-30,Management recharge Q3,4200,0,12500.00",
    "IC-0932,2025-09-30,IT licences recharge,1250,4380.00,0",
    "IC-0932,2025-09-30,IT licences recharge,4210,0,4830.00",
    "IC-0933,2025-09-30,Loan interest September,1250,310.55,0",
    "IC-0933,2025-09-30,Loan interest September,4900,0,310.55",
};
var ledger = new GeneralLedger();
var posted = new IntercompanyImporter(ledger).Import(rows);
Console.WriteLine($"{posted} journals posted; intercompany receivable {ledger.Balance("1250"):0.00}");
