namespace Parking.Garage;

public sealed class Tariff
{
    public decimal PerStartedHour { get; init; } = 2.40m;

    public decimal DailyCap { get; init; } = 18.00m;

    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromMinutes(15);

    public decimal FeeFor(TimeSpan parked)
    {
        if (parked <= GracePeriod)
        {
            return 0m;
        }
        var days = (int)parked.TotalDays;
        var rest = parked - TimeSpan.FromDays(days);
        var restFee = Math.Min(DailyCap, (decimal)Math.Ceiling(rest.TotalHours) * PerStartedHour);
        return days * DailyCap + restFee;
    }
}
