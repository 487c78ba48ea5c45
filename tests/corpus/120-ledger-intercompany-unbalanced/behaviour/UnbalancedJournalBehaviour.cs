using Ledger.Posting;

// Owner's decision: an unbalanced journal from a subsidiary is a data error on their side. The ledger must keep
// refusing it loudly, and the import must stop there rather than skip it or force it to balance; the subsidiary
// corrects and re-sends. No code change is wanted.
public class UnbalancedJournalBehaviour
{
    [Fact]
    public void Post_Unbalanced_IsRefusedAndChangesNothing()
    {
        var ledger = new GeneralLedger();
        var entry = new JournalEntry("IC-9", new DateOnly(2025, 9, 30), "Recharge", [new("1250", 980.00m, 0m), new("4200", 0m, 890.00m)]);

        Assert.Throws<InvalidOperationException>(() => ledger.Post(entry));
        Assert.Equal(0m, ledger.Balance("1250"));
        Assert.Empty(ledger.Posted);
    }

    [Fact]
    public void Import_UnbalancedJournal_StopsTheImport()
    {
        var ledger = new GeneralLedger();
        var rows = new[]
        {
            "IC-7,2025-09-30,Recharge,1250,1200.00,0",
            "IC-7,2025-09-30,Recharge,4200,0,1200.00",
            "IC-9,2025-09-30,Recharge,1250,980.00,0",
            "IC-9,2025-09-30,Recharge,4200,0,890.00",
            "IC-10,2025-09-30,Loan interest,1250,310.55,0",
            "IC-10,2025-09-30,Loan interest,4900,0,310.55",
        };

        Assert.Throws<InvalidOperationException>(() => new IntercompanyImporter(ledger).Import(rows));
        Assert.Equal(["IC-7"], ledger.Posted.Select(p => p.Reference));
    }
}
