using System.Globalization;

namespace Settings;

public sealed class QueueSettings
{
    private readonly IReadOnlyDictionary<string, object?> _values;

    public QueueSettings(IReadOnlyDictionary<string, object?> values) => _values = values;

    public string QueueName => _values.TryGetValue("QueueName", out var name) && name is string s ? s : "default";

    public int Concurrency => _values.TryGetValue("Concurrency", out var value) ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : 1;

    public long MaxMessageBytes => Convert.ToInt64(_values["MaxMessageBytes"], CultureInfo.InvariantCulture);

    public bool DeadLettering => _values.TryGetValue("DeadLettering", out var dl) && dl is true;
}
