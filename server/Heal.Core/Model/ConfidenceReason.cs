namespace Heal.Core.Model;

/// <summary>One reason that raised (positive <paramref name="Delta"/>) or lowered (negative) a confidence.</summary>
public sealed record ConfidenceReason(double Delta, string Reason)
{
    public override string ToString() => $"{(Delta >= 0 ? "+" : "")}{Delta:0.00} {Reason}";
}
