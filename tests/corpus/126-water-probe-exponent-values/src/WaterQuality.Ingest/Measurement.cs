namespace WaterQuality.Ingest;

public sealed record Measurement(string Station, string Parameter, decimal Value, string Unit, DateTimeOffset At);

public sealed record Breach(Measurement Measurement, decimal Limit);
