namespace Routing;

public static class RouteSummary
{
    public const string NoStop = "-";

    public static string FirstPostcode(DeliveryRoute route)
    {
        return route.Stops[0].Postcode;
    }

    public static string LastPostcode(DeliveryRoute route)
    {
        if (route.Stops.Count == 0)
        {
            return NoStop;
        }

        return route.Stops[route.Stops.Count - 1].Postcode;
    }

    public static TimeOnly? EarliestWindow(DeliveryRoute route)
    {
        if (route.Stops.Count == 0)
        {
            return null;
        }

        return route.Stops.Min(s => s.WindowOpens);
    }

    public static double TotalKm(DeliveryRoute route)
    {
        return route.Stops.Sum(s => s.LegKm);
    }

    public static int TotalParcels(DeliveryRoute route)
    {
        return route.Stops.Sum(s => s.Parcels);
    }

    public static string Headline(DeliveryRoute route)
    {
        return $"{route.Van} ({route.Driver}): {route.Stops.Count} stops, {FirstPostcode(route)} -> {LastPostcode(route)}, {TotalKm(route):0.0} km";
    }
}
