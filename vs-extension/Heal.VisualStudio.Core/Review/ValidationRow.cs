namespace Heal.VisualStudio.Core.Review;

/// <summary>One row of the validation table: a mark (✔ passed, ✘ failed, – skipped), the gate, its status and detail.</summary>
public sealed record ValidationRow(string Mark, string Gate, string Status, string Detail);
