using Sentry;
using Crm;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "crm-sync@1.8.0";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// The newsletter job reads last night's CRM export and builds the recipient list.
var path = Path.Combine(Path.GetTempPath(), "crm-export-2024-05-01.csv");
File.WriteAllText(path, """
id;name;email;active;segment
C-1001;Ann Lee;ann@example.org;1;retail
C-1002;Bob Hart;bob@example.org;0;trade
C-1003;Cy Moss;cy@example.org;1;trade
""");
var recipients = MailingList.Recipients(new CustomerFile(path));
Console.WriteLine($"{recipients.Count} recipients");
