using Sentry;
using Audiobooks.Player;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "listen-app-api@8.2.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Home screen for a listener with three books in progress; one is nearly finished.
var library = new (Audiobook Book, TimeSpan Position)[]
{
    (new Audiobook("The Salt Road", "Ines Moreau",
    [
        new Chapter("The Harbour", TimeSpan.Zero, TimeSpan.FromMinutes(31)),
        new Chapter("Inland", TimeSpan.FromMinutes(31), TimeSpan.FromMinutes(44)),
        new Chapter("The Pass", TimeSpan.FromMinutes(75), TimeSpan.FromMinutes(28)),
        new Chapter("Afterword", TimeSpan.FromMinutes(103), TimeSpan.FromMinutes(6)),
    ]), TimeSpan.FromMinutes(12)),
    (new Audiobook("Small Engines", "Dev Patel-Hume",
    [
        new Chapter("Carburettors", TimeSpan.Zero, TimeSpan.FromMinutes(52)),
        new Chapter("Ignition", TimeSpan.FromMinutes(52), TimeSpan.FromMinutes(47)),
    ]), TimeSpan.FromMinutes(88)),
};
var resume = new ResumeService();
foreach (var (book, position) in library)
{
    Console.WriteLine(resume.ResumeLabel(book, position));
}
