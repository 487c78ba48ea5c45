using Reporting;

namespace Reporting.Behaviour.Tests;

public sealed class AdHocExportBehaviour : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("reporting-behaviour-").FullName;

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Export_AdHocReport_WritesDefaultFileName()
    {
        var report = new Report { Id = 42, Title = "Refunds today" };

        var path = new ReportExporter(new ExportPaths(_root)).Export(report, [["order", "amount"]]);

        Assert.Equal(Path.Combine(_root, "current", "report-42.csv"), path);
        Assert.Equal("# Refunds today\norder,amount\n", File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Export_ScheduledReport_KeepsItsFileName()
    {
        var path = new ReportExporter(new ExportPaths(_root)).Export(new Report { Id = 1, Title = "T", FileName = "t.csv" }, []);

        Assert.Equal(Path.Combine(_root, "current", "t.csv"), path);
    }
}
