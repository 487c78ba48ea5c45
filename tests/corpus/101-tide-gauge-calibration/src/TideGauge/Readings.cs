namespace TideGauge;

public sealed record RawReading(DateTimeOffset Time, double LevelMetres);

public sealed record CorrectedReading(string StationId, DateTimeOffset Time, double LevelMetres);
