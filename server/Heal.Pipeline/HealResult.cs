using System.Collections.Immutable;
using Heal.Core.Model;
using Heal.Delivery;

namespace Heal.Pipeline;

/// <param name="Diagnosis">The last diagnosis (after a retry, the second one); null only on an early error.</param>
/// <param name="Attempts">How many diagnoses were validated (1, or 2 after a build or test failure).</param>
/// <param name="Timings">Seconds per step: diagnose, validate (and its parts), deliver, total.</param>
public sealed record HealResult(
    HealStatus Status,
    string Message,
    Diagnosis? Diagnosis,
    ValidationReport? Validation,
    DeliveryResult? Delivery,
    ImmutableArray<string> AllowedFiles,
    int Attempts,
    ImmutableDictionary<string, double> Timings);
