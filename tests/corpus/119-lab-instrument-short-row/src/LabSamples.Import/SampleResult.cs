namespace LabSamples.Import;

public sealed record SampleResult(string SampleId, DateTime CollectedAt, string Analyte, double Value, string Unit, string? Comment);
