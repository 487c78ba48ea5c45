namespace Heal.Core.Model;

/// <summary>One validation gate: its name (<c>applies</c>, <c>syntax</c>, <c>scope</c>, <c>size</c>, <c>dependencies</c>,
/// <c>build</c>, <c>tests</c>, <c>reproduction</c>), its result, and a one-line detail a reviewer can read.</summary>
public sealed record GateResult(string Name, GateStatus Status, string Detail)
{
    public bool Passed => Status == GateStatus.Passed;

    public static GateResult Pass(string name, string detail) => new(name, GateStatus.Passed, detail);

    public static GateResult Fail(string name, string detail) => new(name, GateStatus.Failed, detail);

    public static GateResult Skip(string name, string detail) => new(name, GateStatus.Skipped, detail);
}
