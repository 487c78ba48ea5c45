namespace Heal.Core.Model;

public enum GateStatus
{
    Passed,
    Failed,
    Skipped,
}
