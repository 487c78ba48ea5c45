namespace Heal.Repair.Rules;

/// <summary>
/// One deterministic rule for one crash class. A rule inspects the crash site and returns a fix, a decline
/// with its reason, or null when the crash is not of its class after all. Rules never key on names of a
/// particular codebase: they reason from syntax, semantics and the code's own conventions.
/// </summary>
public interface ICrashRule
{
    /// <summary>Stable id, e.g. <c>null-reference</c>; becomes <c>rules/&lt;id&gt;</c> in <c>Diagnosis.Diagnoser</c>.</summary>
    string Id { get; }

    /// <summary>Cheap filter on the exception type and message.</summary>
    bool Matches(CrashSite site);

    RuleResult? Apply(CrashSite site, CancellationToken cancellationToken);

    /// <summary>
    /// True for a rule not yet proved on crashes written by people who never read it: the engine shows its fix as a
    /// candidate of a decline, never as a patch to validate and deliver. A rule leaves probation when a held-out set
    /// scores its patches right.
    /// </summary>
    bool OnProbation => false;
}
