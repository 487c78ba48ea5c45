using Sentry;
using Labels;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "packing-station@3.0.1";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Packing bay 4 prints the labels for the 10:30 collection.
var job = new PrintJob { Bay = "BAY-04", Calibrate = false };
job.Labels.Add(new ShippingLabel { Reference = "SO-558120", Recipient = "M. Haddad", Postcode = "HG1 2RD", Barcode = "JD014600006281540012" });
job.Labels.Add(new ShippingLabel { Reference = "SO-558127", Recipient = "Oakfield Vets Ltd", Postcode = "BD18 3LA", Barcode = "JD014600006281540029" });
using var zpl = job.Render();
Console.WriteLine($"{job.Bay}: sending {zpl.Length} bytes, {PrintJob.CountLabels(zpl)} labels");
