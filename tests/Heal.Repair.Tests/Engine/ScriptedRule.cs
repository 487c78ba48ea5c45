using Heal.Repair.Rules;

namespace Heal.Repair.Tests.Engine;

/// <summary>A test-only rule whose answer is given: a decline, null (not my class after all), or an exception.</summary>
public sealed class ScriptedRule(string id, Func<CrashSite, RuleResult?> apply, bool onProbation = false) : ICrashRule
{
    public string Id => id;

    public bool OnProbation => onProbation;

    public bool Matches(CrashSite site) => true;

    public RuleResult? Apply(CrashSite site, CancellationToken cancellationToken) => apply(site);
}
