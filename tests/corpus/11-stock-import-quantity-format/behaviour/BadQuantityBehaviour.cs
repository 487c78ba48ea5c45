using Inventory;

namespace Inventory.Behaviour.Tests;

public class BadQuantityBehaviour
{
    private const string Sheet = "sku,name,quantity,unitCost\nBOLT-M6,Bolt M6,1200,0.04\nWASHER-M6,Washer M6,2 boxes,0.01\nNUT-M6,Nut M6,900,0.02";

    [Fact]
    public void Import_NonNumericQuantity_ReportsLineAndFieldAndKeepsOtherRows()
    {
        var result = new StockCsvImporter().Import(Sheet);

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal("quantity", error.Field);
        Assert.Contains("'2 boxes'", error.Message);
        Assert.Equal(["BOLT-M6", "NUT-M6"], result.Items.Select(i => i.Sku));
    }

    [Fact]
    public void Receive_NonNumericQuantity_ChangesNothing()
    {
        var ledger = new StockLedger();

        var result = ledger.Receive(Sheet);

        Assert.True(result.HasErrors);
        Assert.Empty(ledger.Items);
    }
}
