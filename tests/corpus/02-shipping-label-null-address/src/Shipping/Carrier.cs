namespace Shipping;

public enum Carrier
{
    RoyalMail,
    Dpd,
    Ups,
}

public static class CarrierSelector
{
    public static Carrier Choose(Order order, bool domestic) =>
        !domestic ? Carrier.Ups : order.WeightKg > 2m ? Carrier.Dpd : Carrier.RoyalMail;

    public static string TrackingPrefix(Carrier carrier) => carrier switch
    {
        Carrier.RoyalMail => "RM",
        Carrier.Dpd => "DPD",
        _ => "1Z",
    };
}
