using System.Globalization;

namespace Ledger.Posting;

public sealed class IntercompanyImporter
{
    private readonly GeneralLedger _ledger;

    public IntercompanyImporter(GeneralLedger ledger)
    {
        _ledger = ledger;
    }

    // reference,date,narrative,account,debit,credit -- one row per line, rows of a journal are consecutive
    public int Import(IEnumerable<string> rows)
    {
        var count = 0;
        foreach (var journal in rows.Select(r => r.Split(',')).GroupBy(f => f[0]))
        {
            var first = journal.First();
            var entry = new JournalEntry(
                journal.Key,
                DateOnly.ParseExact(first[1], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                first[2],
                journal.Select(f => new JournalLine(f[3], decimal.Parse(f[4], CultureInfo.InvariantCulture), decimal.Parse(f[5], CultureInfo.InvariantCulture))).ToList());
            _ledger.Post(entry);
            count++;
        }
        return count;
    }
}
