using Timesheets;

namespace Timesheets.Tests;

public class ImportTests
{
    [Fact]
    public void Parse_LineWithNote()
    {
        var entry = TimesheetEntry.Parse("ana|web-redesign|2026-02-03|7.5|client workshop");
        Assert.Equal(new TimesheetEntry("ana", "WEB-REDESIGN", new DateOnly(2026, 2, 3), 7.5m, "client workshop"), entry);
    }

    [Fact]
    public void Parse_TooFewFields_Throws() => Assert.Throws<FormatException>(() => TimesheetEntry.Parse("ana|web|2026-02-03"));

    [Fact]
    public void Totals_GroupsAndSkipsBlankNotes()
    {
        var entries = ProjectHours.Import("employee|project|date|hours|note\nana|web|2026-02-03|4|ux review\nbo|web|2026-02-03|3| \nbo|ops|2026-02-04|1|on call");
        var totals = ProjectHours.Totals(entries);
        Assert.Equal(["OPS", "WEB"], totals.Select(t => t.Project));
        Assert.Equal(7m, totals[1].Hours);
        Assert.Equal(["ana: ux review"], totals[1].Notes);
    }
}
