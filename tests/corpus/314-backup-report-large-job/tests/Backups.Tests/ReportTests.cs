using Backups;

namespace Backups.Tests;

public class ReportTests
{
    [Fact]
    public void Parse_ReadsEveryField() =>
        Assert.Equal(new JobReport("nightly-db", "db01", JobStatus.Ok, 73400320, 212, TimeSpan.FromSeconds(95)),
            JobReport.Parse("job=nightly-db;host=db01;status=ok;bytes=73400320;files=212;seconds=95"));

    [Fact]
    public void Human_Gibibytes() => Assert.Equal("5.0 GiB", Dashboard.Human(5L << 30));

    [Fact]
    public void ByHost_CountsFailures()
    {
        var summary = Assert.Single(Dashboard.ByHost([
            "job=a;host=fs1;status=failed;bytes=0;files=0;seconds=3",
            "job=b;host=FS1;status=ok;bytes=1048576;files=1;seconds=1",
            "agent restarted",
        ]));
        Assert.Equal(2, summary.Jobs);
        Assert.Equal(1, summary.Failed);
        Assert.Equal(0, summary.SlowestMegabytesPerSecond);
    }
}
