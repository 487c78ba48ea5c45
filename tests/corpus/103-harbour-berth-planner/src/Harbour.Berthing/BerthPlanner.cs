namespace Harbour.Berthing;

/// <summary>Allocates berths to the day's port calls.</summary>
public sealed class BerthPlanner
{
    /// <summary>Water kept under the keel at the lowest tide of the call, in metres.</summary>
    public const double UnderKeelClearance = 0.5;

    private readonly VesselRegistry _registry;
    private readonly IReadOnlyList<Berth> _berths;

    public BerthPlanner(VesselRegistry registry, IReadOnlyList<Berth> berths)
    {
        _registry = registry;
        _berths = berths;
    }

    /// <summary>Picks the shortest free berth the vessel fits, leaving the long quays for long ships.</summary>
    /// <param name="call">The call to berth.</param>
    /// <param name="taken">Berths already given to other calls.</param>
    /// <returns>The berth, or <c>null</c> when every berth the vessel fits is taken.</returns>
    /// <exception cref="UnknownVesselException">No vessel with the call's IMO number is registered.</exception>
    public Berth? ChooseBerth(PortCall call, IReadOnlyCollection<Berth> taken)
    {
        var vessel = _registry.Find(call.Imo);
        return _berths
            .Where(b => !taken.Contains(b))
            .Where(b => b.LengthMetres >= vessel.LengthMetres && b.DepthMetres >= vessel.DraughtMetres + UnderKeelClearance)
            .OrderBy(b => b.LengthMetres)
            .FirstOrDefault();
    }

    /// <summary>
    /// Plans a day's calls in order of arrival. A call that cannot be berthed is not an error: it goes to
    /// <see cref="DayPlan.Unplanned"/> with the reason, and the agent is told.
    /// </summary>
    public DayPlan Plan(IEnumerable<PortCall> calls)
    {
        var plan = new DayPlan();
        var taken = new List<Berth>();
        foreach (var call in calls.OrderBy(c => c.Eta))
        {
            try
            {
                var berth = ChooseBerth(call, taken);
                if (berth is null)
                {
                    plan.Unplanned.Add((call, "No free berth is long and deep enough."));
                    continue;
                }
                taken.Add(berth);
                plan.Assignments.Add(new Assignment(call, _registry.Find(call.Imo)!.Name, berth));
            }
            catch (UnknownVesselException e)
            {
                plan.Unplanned.Add((call, e.Message));
            }
        }
        return plan;
    }
}
