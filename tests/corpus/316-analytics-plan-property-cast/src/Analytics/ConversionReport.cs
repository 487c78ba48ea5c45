namespace Analytics;

public sealed record PlanConversions(string Plan, int Signups, decimal Revenue);

public static class ConversionReport
{
    public const string UnknownPlan = "(unknown)";

    /// <summary>Signups and first-payment revenue per plan, from "signup_completed" events.</summary>
    public static IReadOnlyList<PlanConversions> ByPlan(IEnumerable<TrackedEvent> events)
    {
        var rows = new Dictionary<string, (int Signups, decimal Revenue)>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in events.Where(e => e.Name == "signup_completed"))
        {
            var plan = PlanOf(e);
            var amount = Props.ReadDecimal(e.Properties, "amount") ?? 0m;
            var row = rows.GetValueOrDefault(plan);
            rows[plan] = (row.Signups + 1, row.Revenue + amount);
        }
        return rows.Select(r => new PlanConversions(r.Key, r.Value.Signups, r.Value.Revenue))
            .OrderByDescending(r => r.Revenue)
            .ToList();
    }

    private static string PlanOf(TrackedEvent e)
    {
        if (!e.Properties.ContainsKey("plan"))
            return UnknownPlan;
        var plan = (string)e.Properties["plan"];
        return string.IsNullOrWhiteSpace(plan) ? UnknownPlan : plan.Trim().ToLowerInvariant();
    }
}
