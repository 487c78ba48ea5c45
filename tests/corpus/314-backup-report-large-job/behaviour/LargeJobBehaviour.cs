using Backups;

namespace Backups.Behaviour.Tests;

public class LargeJobBehaviour
{
    [Fact]
    public void Parse_JobOverTwoGigabytes_KeepsExactByteCount() =>
        Assert.Equal(5_368_709_120L, JobReport.Parse("job=vm-images;host=hv02;status=ok;bytes=5368709120;files=14;seconds=1280").Bytes);

    [Fact]
    public void ByHost_SumsLargeJobs()
    {
        var summary = Assert.Single(Dashboard.ByHost([
            "job=vm-images;host=hv02;status=ok;bytes=5368709120;files=14;seconds=1280",
            "job=vm-config;host=hv02;status=warning;bytes=3221225472;files=3;seconds=512",
        ]));
        Assert.Equal(8_589_934_592L, summary.Bytes);
        Assert.Equal("8.0 GiB", Dashboard.Human(summary.Bytes));
        Assert.Equal(4.0, summary.SlowestMegabytesPerSecond, 3);
    }
}
