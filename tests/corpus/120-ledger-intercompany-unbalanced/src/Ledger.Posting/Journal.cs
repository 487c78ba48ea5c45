namespace Ledger.Posting;

public sealed record JournalLine(string Account, decimal Debit, decimal Credit);

public sealed record JournalEntry(string Reference, DateOnly Date, string Narrative, IReadOnlyList<JournalLine> Lines);
