using Sentry;
using Lending;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "library-desk@2.3.1";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// The self-service kiosk at the north branch: members renew what they have on loan. Card 40417 was migrated
// from the old catalogue system and has no lending tier yet.
var branch = new Branch { Code = "NTH", DefaultTier = new LendingTier { Name = "Adult", LoanDays = 21, MaxItems = 6, MaxRenewals = 2 } };
var student = new LendingTier { Name = "Student", LoanDays = 28, MaxItems = 10, MaxRenewals = 3 };
var desk = new CirculationDesk(branch);
var today = new DateOnly(2026, 2, 9);
var kim = new Member { CardNumber = "40211", Name = "Kim Osei", Tier = student };
var pat = new Member { CardNumber = "40417", Name = "Pat Doyle" };
desk.Checkout(kim, "39001002233", today.AddDays(-20));
desk.Checkout(pat, "39001004517", today.AddDays(-19));
desk.Checkout(pat, "39001007788", today.AddDays(-19));
foreach (var (member, barcode) in new[] { (kim, "39001002233"), (pat, "39001004517"), (pat, "39001007788") })
{
    var renewed = desk.Renew(member, barcode, today);
    Console.WriteLine($"{member.Name}: {barcode} now due {renewed.DueOn:yyyy-MM-dd}");
}
