using TideGauge;

public class ReadingCorrectorTests
{
    private static readonly Station Newlyn =
        new("TG-0101", "Newlyn", new Calibration(new DateOnly(2024, 9, 12), -0.215, "R. Penrose"));

    [Fact]
    public void Correct_AddsTheCalibrationOffset()
    {
        Assert.Equal(2.785, new ReadingCorrector().Correct(Newlyn, 3.0));
    }

    [Fact]
    public void CorrectAll_KeepsOrderAndStation()
    {
        var t0 = new DateTimeOffset(2025, 3, 1, 6, 0, 0, TimeSpan.Zero);
        var result = new ReadingCorrector().CorrectAll(Newlyn, [new(t0, 1.0), new(t0.AddMinutes(15), 1.1)]);

        Assert.Equal([0.785, 0.885], result.Select(r => r.LevelMetres));
        Assert.All(result, r => Assert.Equal("TG-0101", r.StationId));
    }

    [Fact]
    public void IsDueForCalibration_NeverCalibrated_IsDue()
    {
        var station = new Station("TG-0990", "Porthleven");
        Assert.True(new ReadingCorrector().IsDueForCalibration(station, new DateOnly(2025, 3, 1)));
        Assert.Null(new ReadingCorrector().DaysSinceCalibration(station, new DateOnly(2025, 3, 1)));
    }
}
