using Shipping;

namespace Shipping.Behaviour.Tests;

public class LabelBehaviour
{
    private static readonly Address Billing = new("1 High Street", "Leeds", "LS1 4AB", "gb");

    [Fact]
    public void BuildLabel_NoShippingAddress_PrintsBillingAddress()
    {
        var order = new Order { Number = "SO-7", CustomerName = "Ann Lee", BillingAddress = Billing, WeightKg = 1m };

        var label = new LabelService("GB").BuildLabel(order);

        Assert.Equal("[DOM] SO-7\nTO: Ann Lee\n1 High Street\nLS1 4AB Leeds\nGB\n1.0 kg", label);
    }

    [Fact]
    public void BuildLabels_MixedOrders_LabelsEveryOrder()
    {
        var orders = new[]
        {
            new Order { Number = "SO-8", CustomerName = "A", BillingAddress = Billing },
            new Order { Number = "SO-9", CustomerName = "B", BillingAddress = Billing, ShippingAddress = new Address("2 Low Road", "York", "YO1 7HH", "GB") },
        };

        var labels = new LabelService("GB").BuildLabels(orders);

        Assert.Contains("1 High Street", labels[0]);
        Assert.Contains("2 Low Road", labels[1]);
    }
}
