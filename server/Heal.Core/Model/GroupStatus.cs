namespace Heal.Core.Model;

/// <summary>The lifecycle of an error group. A resolved group that sees a new event becomes <see cref="Regressed"/>.</summary>
public enum GroupStatus
{
    Open,
    Muted,
    Resolved,
    Regressed,
}
