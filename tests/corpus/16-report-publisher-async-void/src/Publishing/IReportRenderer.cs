namespace Publishing;

public interface IReportRenderer
{
    Task<byte[]> RenderAsync(string reportId, CancellationToken cancellationToken = default);
}
