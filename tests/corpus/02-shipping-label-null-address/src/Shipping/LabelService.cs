namespace Shipping;

public class LabelService
{
    private readonly string _homeCountry;

    public LabelService(string homeCountry) => _homeCountry = homeCountry;

    public string BuildPackingSlip(Order order)
    {
        var deliverTo = order.ShippingAddress ?? order.BillingAddress;
        return $"Order {order.Number}\nDeliver to: {AddressFormatter.SingleLine(deliverTo)}\nParcels: {order.Parcels}";
    }

    public string BuildLabel(Order order)
    {
        var service = RequiresCustomsForm(order) ? "INTL" : "DOM";
        return $"[{service}] {order.Number}\nTO: {order.CustomerName}\n{AddressFormatter.Format(order.ShippingAddress)}\n{order.WeightKg:0.0} kg";
    }

    public bool RequiresCustomsForm(Order order)
    {
        var deliverTo = order.ShippingAddress ?? order.BillingAddress;
        return !AddressFormatter.IsDomestic(deliverTo, _homeCountry);
    }

    public IReadOnlyList<string> BuildLabels(IEnumerable<Order> orders) =>
        orders.Select(BuildLabel).ToList();
}
