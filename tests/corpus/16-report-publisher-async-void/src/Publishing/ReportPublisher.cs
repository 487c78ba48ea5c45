namespace Publishing;

public sealed class ReportPublisher
{
    private readonly IReportRenderer _renderer;
    private readonly Dictionary<string, byte[]> _published = new();

    public ReportPublisher(IReportRenderer renderer) => _renderer = renderer;

    public IReadOnlyDictionary<string, byte[]> Published => _published;

    public async Task PublishOneAsync(string reportId, CancellationToken cancellationToken = default)
    {
        var batch = new ReportBatch(_published);
        await RenderIntoAsync(batch, reportId, cancellationToken);
        await batch.CommitAsync();
    }

    public async Task PublishAllAsync(IEnumerable<string> reportIds)
    {
        var batch = new ReportBatch(_published);
        foreach (var id in reportIds)
            Publish(batch, id);
        await batch.CommitAsync();
    }

    private async Task RenderIntoAsync(ReportBatch batch, string reportId, CancellationToken cancellationToken)
    {
        var content = await _renderer.RenderAsync(reportId, cancellationToken);
        batch.Save(reportId, content);
    }

    private async void Publish(ReportBatch batch, string reportId)
    {
        var content = await _renderer.RenderAsync(reportId);
        batch.Save(reportId, content);
    }
}
