using System.Collections.Immutable;
using Heal.Core.Model;

namespace Heal.Repair.Analysis;

/// <summary>The guard to write for an absent value, and where its behaviour came from.</summary>
/// <param name="Action">What the guard does (return X, continue, throw…).</param>
/// <param name="Precedent">The existing guard it copies, when any.</param>
/// <param name="Basis">Plain words for the reviewer, e.g. <c>as `GetShippingCost` does for `order.Customer`</c>.</param>
/// <param name="Reasons">Confidence adjustments this choice brings.</param>
public sealed record AbsencePlan(
    AbsenceAction Action,
    AbsenceGuard? Precedent,
    string Basis,
    ImmutableArray<ConfidenceReason> Reasons);
