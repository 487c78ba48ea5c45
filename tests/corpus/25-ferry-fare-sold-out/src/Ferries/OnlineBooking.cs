namespace Ferries;

public sealed record Booking(Sailing Sailing, string FareClass, decimal Charged);

public sealed class OnlineBooking(FareTable fares)
{
    public Booking BookCheapest(Sailing sailing)
    {
        var price = fares.CheapestFare(sailing);
        var fare = fares.For(sailing).First(f => f.SeatsLeft > 0 && f.Price == price);
        fares.Replace(fare, fare with { SeatsLeft = fare.SeatsLeft - 1 });
        return new Booking(sailing, fare.Class, price);
    }
}
