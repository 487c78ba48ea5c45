using System.Text;

namespace Routing;

/// <summary>The morning sheet the depot prints: one block per van, in departure order.</summary>
public sealed class DispatchSheet
{
    private readonly List<DeliveryRoute> _routes = new();

    public void Add(DeliveryRoute route)
    {
        _routes.Add(route);
    }

    public string Render()
    {
        var sheet = new StringBuilder();
        foreach (var route in _routes.OrderBy(r => r.Departure))
        {
            sheet.AppendLine(RouteSummary.Headline(route));
            var window = RouteSummary.EarliestWindow(route);
            sheet.AppendLine(window is null
                ? $"  leave {route.Departure:HH:mm}, nothing to deliver"
                : $"  leave {route.Departure:HH:mm}, first window {window:HH:mm}, {RouteSummary.TotalParcels(route)} parcels");
        }

        return sheet.ToString();
    }
}
