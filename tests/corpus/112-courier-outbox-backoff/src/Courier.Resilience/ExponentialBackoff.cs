namespace Courier.Resilience;

/// <summary>Decorrelates retries of many workers against the same partner API.</summary>
public sealed class ExponentialBackoff
{
    private readonly RetryOptions _options;
    private readonly Func<double> _random;

    /// <param name="options">Base and maximum delay, jitter.</param>
    /// <param name="random">Source of jitter in [0, 1); tests pass a constant.</param>
    public ExponentialBackoff(RetryOptions options, Func<double>? random = null)
    {
        _options = options;
        _random = random ?? Random.Shared.NextDouble;
    }

    /// <summary>The delay before retry number <paramref name="attempt"/>.</summary>
    /// <param name="attempt">1 for the first retry.</param>
    /// <returns><c>BaseDelay × 2^(attempt − 1)</c> plus jitter, never more than <see cref="RetryOptions.MaxDelay"/>.</returns>
    public TimeSpan DelayFor(int attempt)
    {
        if (attempt < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(attempt), attempt, "Retries are numbered from 1.");
        }

        var delay = _options.BaseDelay * Math.Pow(2, attempt - 1);
        delay += delay * (_options.Jitter * _random());
        return delay < _options.MaxDelay ? delay : _options.MaxDelay;
    }
}
