namespace Heal.Pipeline;

/// <summary>How one run of the loop ended. <c>Validated</c>: a proven patch (delivered as asked). <c>Declined</c>: the
/// diagnoser proposed nothing. <c>Rejected</c>: a patch was proposed and failed validation. <c>Error</c>: Heal could not run.</summary>
public enum HealStatus
{
    Validated,
    Declined,
    Rejected,
    Error,
}
