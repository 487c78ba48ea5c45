using Shipping;

namespace Shipping.Tests;

public class LabelServiceTests
{
    private static readonly Address Billing = new("1 High Street", "Leeds", "LS1 4AB", "gb");
    private static readonly Address Depot = new("Unit 9, Dock Road", "Calais", "62100", "fr");

    [Fact]
    public void BuildLabel_ShippingAddress_PrintsIt()
    {
        var order = new Order { Number = "SO-1", CustomerName = "Ann Lee", BillingAddress = Billing, ShippingAddress = Depot, WeightKg = 2.5m };

        var label = new LabelService("GB").BuildLabel(order);

        Assert.Equal("[INTL] SO-1\nTO: Ann Lee\nUnit 9, Dock Road\n62100 Calais\nFR\n2.5 kg", label);
    }

    [Fact]
    public void BuildPackingSlip_NoShippingAddress_UsesBillingAddress()
    {
        var order = new Order { Number = "SO-2", CustomerName = "Ann Lee", BillingAddress = Billing };

        var slip = new LabelService("GB").BuildPackingSlip(order);

        Assert.Contains("Deliver to: 1 High Street, LS1 4AB Leeds, GB", slip);
    }

    [Fact]
    public void RequiresCustomsForm_DomesticBilling_IsFalse()
    {
        Assert.False(new LabelService("GB").RequiresCustomsForm(new Order { Number = "SO-3", BillingAddress = Billing }));
    }
}
