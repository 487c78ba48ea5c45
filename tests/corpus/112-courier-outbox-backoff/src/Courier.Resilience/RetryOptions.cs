namespace Courier.Resilience;

public sealed class RetryOptions
{
    /// <summary>Delay before the first retry.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The longest wait between two attempts. The exponential delay is capped here however many attempts have
    /// failed, so a long outage is retried every <see cref="MaxDelay"/> until the partner is back.
    /// </summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Random spread added to each delay, as a fraction of it (0.2 = up to 20 % longer).</summary>
    public double Jitter { get; init; } = 0.2;
}
