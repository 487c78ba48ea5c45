using System.Collections.Immutable;

namespace Heal.Delivery;

public sealed record AutoMergeDecision(bool Allowed, ImmutableArray<string> Refusals)
{
    public override string ToString() => Allowed ? "auto-merge allowed" : "no auto-merge: " + string.Join("; ", Refusals);
}
