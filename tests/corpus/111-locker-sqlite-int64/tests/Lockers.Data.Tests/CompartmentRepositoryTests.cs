using System;
using System.Data;
using System.Linq;
using Lockers.Data;

public class CompartmentRepositoryTests
{
    // The back office (SQL Server) returns the declared column types.
    static DataTable SqlServerTable()
    {
        var t = new DataTable();
        t.Columns.Add("locker_id", typeof(int));
        t.Columns.Add("slot", typeof(int));
        t.Columns.Add("size", typeof(string));
        t.Columns.Add("max_weight_kg", typeof(decimal));
        t.Columns.Add("occupied", typeof(bool));
        t.Columns.Add("occupied_since", typeof(DateTime));
        t.Columns.Add("parcel_barcode", typeof(string));
        return t;
    }

    [Fact]
    public void Read_SqlServerTypes_MapsEveryColumn()
    {
        var t = SqlServerTable();
        t.Rows.Add(12, 3, "M", 15.0m, true, new DateTime(2025, 5, 2, 9, 30, 0), "JJD0001234");
        t.Rows.Add(12, 4, "S", 5.0m, false, DBNull.Value, DBNull.Value);

        var rows = new CompartmentRepository().Read(t.CreateDataReader());

        Assert.Equal(new[] { 3, 4 }, rows.Select(r => r.Slot));
        Assert.Equal("JJD0001234", rows[0].ParcelBarcode);
        Assert.Null(rows[1].OccupiedSince);
    }

    [Fact]
    public void ReadDecimal_SqliteReal_IsConverted()
    {
        var t = new DataTable();
        t.Columns.Add("max_weight_kg", typeof(double));
        t.Rows.Add(7.5);
        var reader = t.CreateDataReader();
        reader.Read();

        Assert.Equal(7.5m, reader.ReadDecimal("max_weight_kg"));
    }
}
