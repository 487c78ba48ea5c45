namespace Ledger.Posting;

public sealed class GeneralLedger
{
    private readonly Dictionary<string, decimal> _balances = new(StringComparer.Ordinal);
    private readonly List<JournalEntry> _posted = new();

    public IReadOnlyList<JournalEntry> Posted => _posted;

    public decimal Balance(string account) => _balances.GetValueOrDefault(account);

    public void Post(JournalEntry entry)
    {
        var debits = entry.Lines.Sum(l => l.Debit);
        var credits = entry.Lines.Sum(l => l.Credit);
        if (debits != credits)
        {
            throw new InvalidOperationException(
                $"Journal {entry.Reference} does not balance: debits {debits:0.00}, credits {credits:0.00}.");
        }
        foreach (var line in entry.Lines)
        {
            _balances[line.Account] = Balance(line.Account) + line.Debit - line.Credit;
        }
        _posted.Add(entry);
    }
}
