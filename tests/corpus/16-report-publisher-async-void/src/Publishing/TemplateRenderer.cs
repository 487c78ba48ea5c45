using System.Text;

namespace Publishing;

/// <summary>Renders a report by filling its template file from the template directory.</summary>
public sealed class TemplateRenderer(string templateDirectory) : IReportRenderer
{
    public async Task<byte[]> RenderAsync(string reportId, CancellationToken cancellationToken = default)
    {
        var template = await File.ReadAllTextAsync(Path.Combine(templateDirectory, "report.txt"), cancellationToken);
        return Encoding.UTF8.GetBytes(template.Replace("{id}", reportId, StringComparison.Ordinal));
    }
}
