namespace Heal.Pipeline;

/// <summary>How one run of the loop ended. <c>Validated</c>: a proven patch (delivered as asked). <c>Declined</c>: the
/// diagnoser proposed nothing. <c>Rejected</c>: a patch was proposed and failed validation. <c>Unverified</c>: a model
/// wrote the patch and, with no sandbox and no consent to run it unsandboxed, it passed the checks that run nothing but was
/// neither built nor tested; it is shown for review and never delivered. <c>Error</c>: Heal could not run.</summary>
public enum HealStatus
{
    Validated,
    Declined,
    Rejected,
    Unverified,
    Error,
}
