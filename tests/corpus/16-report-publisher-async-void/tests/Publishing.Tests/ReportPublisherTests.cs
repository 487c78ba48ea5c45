using System.Text;
using Publishing;

namespace Publishing.Tests;

public class ReportPublisherTests
{
    private sealed class YieldingRenderer : IReportRenderer
    {
        public async Task<byte[]> RenderAsync(string reportId, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            return Encoding.UTF8.GetBytes($"report {reportId}");
        }
    }

    [Fact]
    public async Task PublishOneAsync_Report_IsPublished()
    {
        var publisher = new ReportPublisher(new YieldingRenderer());

        await publisher.PublishOneAsync("r-1");

        Assert.Equal("report r-1", Encoding.UTF8.GetString(publisher.Published["r-1"]));
    }

    [Fact]
    public async Task CommitAsync_ThenSave_Throws()
    {
        var batch = new ReportBatch(new Dictionary<string, byte[]>());
        await batch.CommitAsync();

        Assert.Throws<InvalidOperationException>(() => batch.Save("late", []));
    }
}
