using System.Globalization;

namespace Settings;

public sealed class MailerSettings
{
    private readonly IReadOnlyDictionary<string, object?> _values;

    public MailerSettings(IReadOnlyDictionary<string, object?> values) => _values = values;

    public string Host => (string)_values["Host"]!;

    public int Port => Convert.ToInt32(_values["Port"], CultureInfo.InvariantCulture);

    public bool UseTls => _values.TryGetValue("UseTls", out var tls) && tls is true;

    public int MaxRetries => (int)_values["MaxRetries"]!;

    public TimeSpan RetryDelay => TimeSpan.FromSeconds(Convert.ToDouble(_values["RetryDelaySeconds"], CultureInfo.InvariantCulture));

    public string Describe() => $"{Host}:{Port} tls={UseTls} retries={MaxRetries} delay={RetryDelay.TotalSeconds}s";
}
