using Sentry;

namespace OrderService;

public static class Program
{
    public static async Task<int> Main()
    {
        // An empty DSN turns Sentry off, so the service also runs where nothing collects its errors.
        using var sentry = SentrySdk.Init(options =>
        {
            options.Dsn = Environment.GetEnvironmentVariable("SENTRY_DSN") ?? "";
            options.Release = "order-service@1.4.2";
            options.Environment = "production";
            options.AutoSessionTracking = false;
        });

        var customers = new CustomerDirectory(new[]
        {
            new Customer("c-100", "Northwind Traders", new Discount("PARTNER10", 0.10m)),
            new Customer("c-200", "Contoso Ltd", new Discount("VOLUME5", 0.05m)),
            new Customer("c-300", "Fabrikam Inc", null),
        });
        var pricing = new PricingService(customers);

        var orders = new[]
        {
            new Order("o-1", "c-100", new[] { new OrderLine("widget", 3, 12.50m) }),
            new Order("o-2", "c-200", new[] { new OrderLine("gadget", 1, 99.00m), new OrderLine("widget", 2, 12.50m) }),
            new Order("o-3", "c-300", new[] { new OrderLine("gizmo", 4, 7.25m) }),
        };

        var failed = 0;
        foreach (var order in orders)
        {
            try
            {
                Console.WriteLine($"{order.Id}: {pricing.Total(order):0.00} ({pricing.DiscountLabel(order.CustomerId)})");
            }
            catch (Exception e)
            {
                failed++;
                Console.Error.WriteLine($"{order.Id}: failed: {e.GetType().Name}: {e.Message}");
                SentrySdk.CaptureException(e);
            }
        }

        await SentrySdk.FlushAsync(TimeSpan.FromSeconds(10));
        return failed == 0 ? 0 : 1;
    }
}
