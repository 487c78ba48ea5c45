using Sentry;
using Backups;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "backup-dashboard@1.3.2";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Morning refresh of the backup dashboard from last night's agent logs. The file-server job grew past 2 GiB.
string[] log =
[
    "2026-11-02T01:00:04Z agent 4.2 starting",
    "job=nightly-db;host=db01;status=ok;bytes=734003200;files=212;seconds=95",
    "job=mail-archive;host=mx01;status=ok;bytes=1288490188;files=40321;seconds=611",
    "job=fileshare-daily;host=fs02;status=warning;bytes=2362232012;files=95112;seconds=1740",
    "job=erp-config;host=app03;status=failed;bytes=0;files=0;seconds=12",
];
foreach (var host in Dashboard.ByHost(log))
{
    Console.WriteLine($"{host.Host}: {host.Jobs} jobs, {host.Failed} failed, {Dashboard.Human(host.Bytes)}");
}
