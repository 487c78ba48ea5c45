using LabSamples.Import;

public class InstrumentCsvReaderTests
{
    [Fact]
    public void Read_ParsesRows()
    {
        var csv = "sample_id,collected_at,analyte,value,unit,comment\nS-1001,2025-09-01T08:15:00,Nitrate,12.40,mg/L,\nS-1002,2025-09-01T08:40:00,Nitrate,9.85,mg/L,haemolysed\n";

        var rows = new InstrumentCsvReader().Read(csv);

        Assert.Equal(2, rows.Count);
        Assert.Null(rows[0].Comment);
        Assert.Equal("haemolysed", rows[1].Comment);
        Assert.Equal(9.85, rows[1].Value);
    }

    [Fact]
    public void Read_WrongHeader_IsRejected()
    {
        Assert.Throws<InvalidDataException>(() => new InstrumentCsvReader().Read("id,value\n1,2\n"));
    }
}
