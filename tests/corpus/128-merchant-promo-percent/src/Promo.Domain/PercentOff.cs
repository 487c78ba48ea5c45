namespace Promo.Domain;

/// <summary>A percentage off one product's shelf price for a run of days.</summary>
public sealed class PercentOff
{
    public PercentOff(string sku, int percent, DateOnly from, DateOnly until)
    {
        if (percent is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "A percentage discount is between 1 and 100.");
        }
        if (until < from)
        {
            throw new ArgumentException("A promotion cannot end before it starts.", nameof(until));
        }
        Sku = sku;
        Percent = percent;
        From = from;
        Until = until;
    }

    public string Sku { get; }

    public int Percent { get; }

    public DateOnly From { get; }

    public DateOnly Until { get; }

    public bool IsActiveOn(DateOnly day) => day >= From && day <= Until;

    public decimal Apply(decimal price) => Math.Round(price * (100 - Percent) / 100m, 2, MidpointRounding.AwayFromZero);
}
