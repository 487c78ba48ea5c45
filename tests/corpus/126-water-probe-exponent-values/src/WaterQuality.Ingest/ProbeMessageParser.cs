using System.Globalization;

namespace WaterQuality.Ingest;

/// <summary>Reads the telemetry lines the river probes send over LoRaWAN.</summary>
public sealed class ProbeMessageParser
{
    /// <summary>Parses one line: <c>station;parameter;value;unit;unix-seconds</c>.</summary>
    /// <remarks>
    /// The probe firmware prints values with C's <c>%g</c>: ordinary decimals such as <c>7.42</c>, and very small
    /// or very large values in exponent notation such as <c>1.2e-05</c> (trace metals, in mg/L).
    /// </remarks>
    /// <exception cref="FormatException">The line does not have five fields.</exception>
    public Measurement Parse(string line)
    {
        var f = line.Trim().Split(';');
        if (f.Length != 5)
        {
            throw new FormatException($"Expected 5 fields in probe line '{line}', found {f.Length}.");
        }
        var value = decimal.Parse(f[2], CultureInfo.InvariantCulture);
        var at = DateTimeOffset.FromUnixTimeSeconds(long.Parse(f[4], CultureInfo.InvariantCulture));
        return new Measurement(f[0], f[1], value, f[3], at);
    }

    public IReadOnlyList<Measurement> ParseAll(string payload) =>
        payload.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse).ToList();
}
