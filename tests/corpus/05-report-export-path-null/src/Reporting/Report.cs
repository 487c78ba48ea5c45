namespace Reporting;

public sealed class Report
{
    public required int Id { get; init; }
    public required string Title { get; init; }

    /// <summary>Set for scheduled reports; ad-hoc reports run from the dashboard have none.</summary>
    public string? FileName { get; init; }

    public string DefaultFileName() => $"report-{Id}.csv";
}
