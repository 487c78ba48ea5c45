// A real app using Sentry's .NET SDK: it throws at a known line and reports to the DSN it is given.
// Usage: dotnet HealClient.dll DSN   (or SENTRY_DSN in the environment)
using Sentry;

namespace HealClient;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var dsn = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("SENTRY_DSN");
        if (string.IsNullOrEmpty(dsn))
        {
            Console.Error.WriteLine("usage: HealClient DSN");
            return 2;
        }

        using (SentrySdk.Init(options =>
        {
            options.Dsn = dsn;
            options.Release = "heal-client-dotnet@1.0.0";
            options.Environment = "test";
            options.AutoSessionTracking = false;
        }))
        {
            try
            {
                Inventory.Reserve("sku-42", 3);
            }
            catch (Exception e)
            {
                SentrySdk.CaptureException(e);
            }

            await SentrySdk.FlushAsync(TimeSpan.FromSeconds(10));
        }

        return 0;
    }
}

public static class Inventory
{
    private static readonly Dictionary<string, int> s_stock = new() { ["sku-1"] = 5 };

    public static int Reserve(string sku, int quantity)
    {
        var available = s_stock[sku]; // heal:throw
        return available - quantity;
    }
}
