namespace GridMeter.Analytics;

/// <summary>Energy a meter recorded over one half-hour settlement period.</summary>
/// <param name="Mpan">The meter point administration number.</param>
/// <param name="IntervalStart">Start of the half hour, in UTC.</param>
/// <param name="Kwh">Energy imported during the half hour.</param>
public sealed record MeterReading(string Mpan, DateTimeOffset IntervalStart, decimal Kwh);

/// <summary>One row of the customer's monthly demand report.</summary>
/// <param name="PeakKw">The day's peak demand, or <c>null</c> for a day without readings.</param>
public sealed record DailyDemand(DateOnly Day, decimal TotalKwh, decimal? PeakKw, int Intervals);
