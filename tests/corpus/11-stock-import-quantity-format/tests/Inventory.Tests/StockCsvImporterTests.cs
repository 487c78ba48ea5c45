using Inventory;

namespace Inventory.Tests;

public class StockCsvImporterTests
{
    [Fact]
    public void Import_ValidSheet_ReadsEveryRow()
    {
        var result = new StockCsvImporter().Import("sku,name,quantity,unitCost\nBOLT-M6,Bolt M6,1200,0.04\nNUT-M6,Nut M6,900,0.02\n");

        Assert.False(result.HasErrors);
        Assert.Equal(new StockItem("NUT-M6", "Nut M6", 900, 0.02m), result.Items[1]);
    }

    [Fact]
    public void Import_BadUnitCost_ReportsLineAndField()
    {
        var result = new StockCsvImporter().Import("sku,name,quantity,unitCost\nBOLT-M6,Bolt M6,1200,four pence");

        Assert.Equal([new ImportError(2, "unitCost", "'four pence' is not a number")], result.Errors);
    }

    [Fact]
    public void Receive_TwoDeliveries_AddsQuantities()
    {
        var ledger = new StockLedger();
        ledger.Receive("sku,name,quantity,unitCost\nBOLT-M6,Bolt M6,10,0.04");
        ledger.Receive("sku,name,quantity,unitCost\nBOLT-M6,Bolt M6,5,0.05");

        Assert.Equal(15, Assert.Single(ledger.Items).Quantity);
    }
}
