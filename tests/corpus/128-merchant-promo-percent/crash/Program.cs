using Sentry;
using Promo.Import;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "merchant-portal@11.4.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// A merchant uploads their Black Friday sheet.
var skus = new HashSet<string> { "TEA-EB-250", "TEA-EB-500", "TEA-GR-100", "TEA-RO-250", "MUG-ST-01", "POT-CI-12" };
var sheet = new[]
{
    "TEA-EB-250,15%,2025-11-24,2025-12-01",
    "TEA-EB-500,20%,2025-11-24,2025-12-01",
    "TEA-RO-250,25%,2025-11-28,2025-11-28",
    "POT-CI-12,120%,2025-11-28,2025-11-28",
    "MUG-ST-01,30%,2025-11-28,2025-12-01",
};
var promos = new PromoSheetImporter().Import(sheet, skus);
Console.WriteLine($"{promos.Count} promotions scheduled");
