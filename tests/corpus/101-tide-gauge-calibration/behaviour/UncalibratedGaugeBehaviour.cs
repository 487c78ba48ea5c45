using TideGauge;

public class UncalibratedGaugeBehaviour
{
    private static readonly Station Porthleven = new("TG-0990", "Porthleven");
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Correct_NeverCalibrated_ReturnsTheRawLevel()
    {
        Assert.Equal(1.234, new ReadingCorrector().Correct(Porthleven, 1.234));
    }

    [Fact]
    public void CorrectAll_NeverCalibrated_KeepsEveryReadingAsMeasured()
    {
        var result = new ReadingCorrector().CorrectAll(Porthleven, [new(T0, 2.5), new(T0.AddMinutes(15), -0.25)]);

        Assert.Equal([2.5, -0.25], result.Select(r => r.LevelMetres));
    }

    [Fact]
    public void Correct_Calibrated_StillAppliesTheOffset()
    {
        var station = new Station("TG-0101", "Newlyn", new Calibration(new DateOnly(2024, 9, 12), 0.1, "R. Penrose"));
        Assert.Equal(1.1, new ReadingCorrector().Correct(station, 1.0));
    }
}
