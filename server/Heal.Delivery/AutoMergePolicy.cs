using System.Collections.Immutable;
using Heal.Core.Model;

namespace Heal.Delivery;

/// <summary>
/// When a pull request may merge itself: only when ALL hold — switched on (off by default), confidence at or
/// above the threshold, every gate passed (none skipped), strict scope, and an event from an authenticated
/// source. Nothing inside an event can switch any of these on.
/// </summary>
/// <remarks>
/// <see cref="DefaultThreshold"/> is the one default (the CLI's <c>--auto-merge-threshold</c> starts from it). It must sit above
/// every confidence at which the offline rules ever proposed a wrong patch, plus what validation can add: <c>npm run
/// score:corpus</c> prints the reliability table and checks it.
/// </remarks>
public sealed record AutoMergePolicy(bool Enabled = false, double Threshold = AutoMergePolicy.DefaultThreshold)
{
    /// <summary>The auto-merge threshold when none is given, on the validated confidence.</summary>
    public const double DefaultThreshold = 0.9;

    public static AutoMergePolicy Off { get; } = new();

    public AutoMergeDecision Decide(ValidationReport report, bool strictScope, EventOrigin origin)
    {
        var refusals = ImmutableArray.CreateBuilder<string>();
        if (!Enabled)
        {
            refusals.Add("auto-merge is switched off");
        }

        if (report.Confidence < Threshold)
        {
            refusals.Add($"confidence {report.Confidence:0.00} is below the threshold {Threshold:0.00}");
        }

        var notPassed = report.Gates.Where(g => g.Status != GateStatus.Passed).Select(g => $"{g.Name} {g.Status.ToString().ToLowerInvariant()}").ToList();
        if (!report.Passed || notPassed.Count > 0)
        {
            refusals.Add("not every gate passed: " + (notPassed.Count > 0 ? string.Join(", ", notPassed) : "validation failed"));
        }

        if (!strictScope)
        {
            refusals.Add("the scope policy is not strict");
        }

        if (!origin.Authenticated)
        {
            refusals.Add($"the event came from an unauthenticated source ({origin.Source})");
        }

        return new AutoMergeDecision(refusals.Count == 0, refusals.ToImmutable());
    }
}
