using Timesheets;

namespace Timesheets.Behaviour.Tests;

public class NoNoteBehaviour
{
    [Fact]
    public void Parse_LineWithoutNoteColumn_HasNullNote() =>
        Assert.Equal(new TimesheetEntry("cy", "OPS", new DateOnly(2026, 2, 5), 2.25m, null), TimesheetEntry.Parse("cy|ops|2026-02-05|2.25"));

    [Fact]
    public void Parse_EmptyNoteColumn_StillParses() =>
        Assert.Equal(7m, TimesheetEntry.Parse("cy|ops|2026-02-05|7|").Hours);

    [Fact]
    public void Totals_MixedLines_CountsEveryEntry()
    {
        var entries = ProjectHours.Import("ana|web|2026-02-03|4|ux review\nbo|web|2026-02-03|3.5\ncy|web|2026-02-04|1");
        var total = Assert.Single(ProjectHours.Totals(entries));
        Assert.Equal(8.5m, total.Hours);
        Assert.Equal(3, total.Entries);
        Assert.Equal(["ana: ux review"], total.Notes);
    }
}
