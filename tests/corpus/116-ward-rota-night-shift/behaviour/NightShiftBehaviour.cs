using Rota.Domain;
using Rota.Import;

public class NightShiftBehaviour
{
    [Fact]
    public void Import_NightShift_EndsNextMorning()
    {
        var shift = Assert.Single(new RosterImporter().Import(["N-114,ICU,2025-06-02,20:00,08:00"]));

        Assert.Equal(12, shift.Hours);
        Assert.Equal(new DateTime(2025, 6, 3, 8, 0, 0), shift.End);
        Assert.Equal(10, shift.NightHours());
    }

    [Fact]
    public void Import_LateShiftPastMidnight_IsEightHours()
    {
        var shift = Assert.Single(new RosterImporter().Import(["N-301,MAT,2025-06-04,22:00,06:00"]));

        Assert.Equal(8, shift.Hours);
        Assert.Equal(new DateTime(2025, 6, 5, 6, 0, 0), shift.End);
    }

    [Fact]
    public void Shift_NegativeHours_AreStillRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Shift("N-114", "ICU", new DateTime(2025, 6, 2, 20, 0, 0), -12));
    }
}
