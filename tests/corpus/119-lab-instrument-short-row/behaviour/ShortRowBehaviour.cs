using LabSamples.Import;

// Owner's decision: a row with fewer fields than the header is a truncated transfer, and a truncated row may
// carry a truncated value. The whole file is rejected with an InvalidDataException naming the line, so the
// technician re-exports it; nothing from it is imported.
public class ShortRowBehaviour
{
    [Fact]
    public void Read_RowWithMissingFields_RejectsTheFileNamingTheLine()
    {
        var csv = "sample_id,collected_at,analyte,value,unit,comment\nS-1001,2025-09-01T08:15:00,Nitrate,12.40,mg/L,\nS-1002,2025-09-01T08:40:00,Nitrate,9.8,mg/L\nS-1003,2025-09-01T09:05:00,Nitrate,11.02,mg/L,\n";

        var e = Assert.Throws<InvalidDataException>(() => new InstrumentCsvReader().Read(csv));
        Assert.Contains("line 3", e.Message);
    }

    [Fact]
    public void Read_CompleteRows_StillRead()
    {
        var csv = "sample_id,collected_at,analyte,value,unit,comment\nS-1001,2025-09-01T08:15:00,Nitrate,12.40,mg/L,\n";
        Assert.Single(new InstrumentCsvReader().Read(csv));
    }
}
