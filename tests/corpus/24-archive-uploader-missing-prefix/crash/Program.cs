using Sentry;
using Archiving;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "invoice-archiver@0.9.4";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// The nightly archive job after the move to the new container platform: the deployment's environment was
// re-entered by hand and ARCHIVE_PREFIX did not make it across.
var environment = new Dictionary<string, string>
{
    ["ARCHIVE_BUCKET"] = "fin-docs-eu-west-1",
    ["ARCHIVE_REGION"] = "eu-west-1",
    ["ASPNETCORE_ENVIRONMENT"] = "Production",
};
var uploader = new ArchiveUploader(ArchiveSettings.FromEnvironment(environment), new InMemoryObjectStore());
var documents = new[]
{
    new Document { Id = "INV-2026-01184", Tenant = "Northwind", IssuedAt = new DateTime(2026, 2, 27, 16, 2, 0), Pdf = new byte[2048] },
    new Document { Id = "INV-2026-01185", Tenant = "Contoso", IssuedAt = new DateTime(2026, 2, 27, 16, 9, 0), Pdf = new byte[3072] },
};
foreach (var key in uploader.UploadAll(documents))
{
    Console.WriteLine($"archived {key}");
}
