using Rota.Domain;
using Rota.Import;

public class RosterImporterTests
{
    [Fact]
    public void Import_DayShift()
    {
        var shift = Assert.Single(new RosterImporter().Import(["N-114,ICU,2025-06-02,07:30,19:45"]));

        Assert.Equal(new DateTime(2025, 6, 2, 7, 30, 0), shift.Start);
        Assert.Equal(12.25, shift.Hours);
        Assert.Equal(0, shift.NightHours());
    }

    [Fact]
    public void Shift_LongerThanPolicy_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Shift("N-114", "ICU", new DateTime(2025, 6, 2, 7, 0, 0), 14));
    }

    [Fact]
    public void ByStaff_SumsHours()
    {
        var shifts = new RosterImporter().Import(["N-114,ICU,2025-06-02,07:30,19:30", "N-114,ICU,2025-06-03,07:30,15:30", "N-201,AMU,2025-06-02,08:00,16:00"]);
        Assert.Equal(20, WeeklyHours.ByStaff(shifts)["N-114"].Total);
    }
}
