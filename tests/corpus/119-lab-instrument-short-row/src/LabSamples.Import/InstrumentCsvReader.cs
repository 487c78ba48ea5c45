using System.Globalization;

namespace LabSamples.Import;

// Export format of the analysers on the bench:
// sample_id,collected_at,analyte,value,unit,comment
public sealed class InstrumentCsvReader
{
    private const string Header = "sample_id,collected_at,analyte,value,unit,comment";

    public IReadOnlyList<SampleResult> Read(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0 || lines[0] != Header)
        {
            throw new InvalidDataException("Not an analyser export: the header row is missing or different.");
        }

        var results = new List<SampleResult>();
        for (var i = 1; i < lines.Length; i++)
        {
            var f = lines[i].Split(',');
            results.Add(new SampleResult(
                f[0],
                DateTime.ParseExact(f[1], "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
                f[2],
                double.Parse(f[3], CultureInfo.InvariantCulture),
                f[4],
                f[5].Length == 0 ? null : f[5]));
        }
        return results;
    }
}
