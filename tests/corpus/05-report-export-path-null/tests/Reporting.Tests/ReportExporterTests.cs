using Reporting;

namespace Reporting.Tests;

public sealed class ReportExporterTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("reporting-tests-").FullName;

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Export_ScheduledReport_WritesNamedFile()
    {
        var report = new Report { Id = 7, Title = "Weekly sales", FileName = "weekly.csv" };

        var path = new ReportExporter(new ExportPaths(_root)).Export(report, [["region", "total"], ["North, East", "12"]]);

        Assert.Equal(Path.Combine(_root, "current", "weekly.csv"), path);
        Assert.Equal("# Weekly sales\nregion,total\n\"North, East\",12\n", File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Archive_AdHocReport_UsesDefaultFileName()
    {
        var report = new Report { Id = 9, Title = "Refunds" };

        var path = new ReportExporter(new ExportPaths(_root)).Archive(report, [], new DateOnly(2024, 3, 1));

        Assert.Equal(Path.Combine(_root, "archive", "2024-03-01", "report-9.csv"), path);
    }
}
