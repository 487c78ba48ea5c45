namespace OrderService.Tests;

public class PricingServiceTests
{
    private static readonly PricingService s_pricing = new(new CustomerDirectory(new[]
    {
        new Customer("c-1", "Partner", new Discount("PARTNER10", 0.10m)),
        new Customer("c-2", "Walk-in", null),
    }));

    [Fact]
    public void Subtotal_SeveralLines_SumsQuantityTimesPrice()
    {
        var order = new Order("o", "c-1", new[] { new OrderLine("a", 2, 1.50m), new OrderLine("b", 1, 4.00m) });

        Assert.Equal(7.00m, s_pricing.Subtotal(order));
    }

    [Fact]
    public void Total_CustomerWithDiscount_AppliesRate()
    {
        var order = new Order("o", "c-1", new[] { new OrderLine("a", 4, 25.00m) });

        Assert.Equal(90.00m, s_pricing.Total(order));
    }

    [Fact]
    public void DiscountRate_CustomerWithoutDiscount_IsZero()
    {
        Assert.Equal(0m, s_pricing.DiscountRate("c-2"));
    }

    [Fact]
    public void DiscountLabel_CustomerWithoutDiscount_SaysListPrice()
    {
        Assert.Equal("list price", s_pricing.DiscountLabel("c-2"));
    }
}
