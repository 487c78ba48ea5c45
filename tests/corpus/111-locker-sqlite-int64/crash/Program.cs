using Sentry;
using Lockers.Data;
using System.Data;

SentrySdk.Init(options =>
{
    options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN");
    options.Release = "locker-kiosk@3.3.1";
    options.Environment = "production";
    options.ServerName = "prod-worker-02";
    options.AutoSessionTracking = false;
    options.FlushTimeout = TimeSpan.FromSeconds(30);
    options.ShutdownTimeout = TimeSpan.FromSeconds(30);
});

// Kiosk start-up: load the compartment table from the kiosk's local SQLite database (INTEGER columns come back as Int64).
var table = new DataTable("compartment");
table.Columns.Add("locker_id", typeof(long));
table.Columns.Add("slot", typeof(long));
table.Columns.Add("size", typeof(string));
table.Columns.Add("max_weight_kg", typeof(double));
table.Columns.Add("occupied", typeof(long));
table.Columns.Add("occupied_since", typeof(string));
table.Columns.Add("parcel_barcode", typeof(string));
for (var slot = 1; slot <= 24; slot++)
{
    var occupied = slot % 3 == 0;
    table.Rows.Add(40017L, (long)slot, slot <= 8 ? "S" : slot <= 18 ? "M" : "L", slot <= 8 ? 5.0 : slot <= 18 ? 15.0 : 25.0,
        occupied ? 1L : 0L, occupied ? "2025-05-02 09:30:00" : DBNull.Value, occupied ? $"JJD000{slot:0000}" : DBNull.Value);
}
var repository = new CompartmentRepository();
var compartments = repository.Read(table.CreateDataReader());
Console.WriteLine($"{compartments.Count} compartments, {repository.FreeFor(compartments, 3.2m, "M").Count} free for a 3.2 kg M parcel");
