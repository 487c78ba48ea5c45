using Ledger.Posting;

public class GeneralLedgerTests
{
    [Fact]
    public void Post_Balanced_UpdatesBalances()
    {
        var ledger = new GeneralLedger();
        ledger.Post(new JournalEntry("J-1", new DateOnly(2025, 9, 30), "Mgmt fee", [new("1200", 5000m, 0m), new("4100", 0m, 5000m)]));

        Assert.Equal(5000m, ledger.Balance("1200"));
        Assert.Equal(-5000m, ledger.Balance("4100"));
    }

    [Fact]
    public void Import_GroupsRowsByReference()
    {
        var ledger = new GeneralLedger();
        var count = new IntercompanyImporter(ledger).Import(
        [
            "IC-7,2025-09-30,Recharge,1250,1200.00,0",
            "IC-7,2025-09-30,Recharge,4200,0,1200.00",
            "IC-8,2025-09-30,Loan interest,1250,310.55,0",
            "IC-8,2025-09-30,Loan interest,4900,0,310.55",
        ]);

        Assert.Equal(2, count);
        Assert.Equal(1510.55m, ledger.Balance("1250"));
    }
}
