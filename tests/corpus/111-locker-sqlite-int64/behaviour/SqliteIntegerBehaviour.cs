using System;
using System.Data;
using System.Linq;
using Lockers.Data;

public class SqliteIntegerBehaviour
{
    [Fact]
    public void Read_SqliteInt64Columns_MapsTheValues()
    {
        var t = new DataTable();
        t.Columns.Add("locker_id", typeof(long));
        t.Columns.Add("slot", typeof(long));
        t.Columns.Add("size", typeof(string));
        t.Columns.Add("max_weight_kg", typeof(double));
        t.Columns.Add("occupied", typeof(long));
        t.Columns.Add("occupied_since", typeof(string));
        t.Columns.Add("parcel_barcode", typeof(string));
        t.Rows.Add(40017L, 11L, "L", 25.0, 1L, "2025-05-02 09:30:00", "JJD0009876");
        t.Rows.Add(40017L, 12L, "L", 25.0, 0L, DBNull.Value, DBNull.Value);

        var rows = new CompartmentRepository().Read(t.CreateDataReader());

        Assert.Equal(new[] { 11, 12 }, rows.Select(r => r.Slot));
        Assert.All(rows, r => Assert.Equal(40017, r.LockerId));
        Assert.True(rows[0].Occupied);
    }

    [Fact]
    public void ReadInt32_DeclaredInt32_StillReads()
    {
        var t = new DataTable();
        t.Columns.Add("slot", typeof(int));
        t.Rows.Add(9);
        var reader = t.CreateDataReader();
        reader.Read();

        Assert.Equal(9, reader.ReadInt32("slot"));
    }
}
