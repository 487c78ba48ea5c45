using System.Text;
using Publishing;

namespace Publishing.Behaviour.Tests;

public class PublishAllBehaviour
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
    public async Task PublishAllAsync_ThreeReports_AllPublishedWhenAwaited()
    {
        var publisher = new ReportPublisher(new YieldingRenderer());

        await publisher.PublishAllAsync(["daily", "weekly", "monthly"]);

        Assert.Equal(["daily", "monthly", "weekly"], publisher.Published.Keys.Order());
        Assert.Equal("report weekly", Encoding.UTF8.GetString(publisher.Published["weekly"]));
    }

    [Fact]
    public async Task PublishAllAsync_TemplateRenderer_PublishesFromTemplate()
    {
        var directory = Directory.CreateTempSubdirectory("publishing-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "report.txt"), "Report {id}");
            var publisher = new ReportPublisher(new TemplateRenderer(directory));

            await publisher.PublishAllAsync(["q1"]);

            Assert.Equal("Report q1", Encoding.UTF8.GetString(publisher.Published["q1"]));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
