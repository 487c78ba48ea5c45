using Harbour.Berthing;

public class BerthPlannerTests
{
    private static readonly Berth North = new("North Quay", 220, 11.5);
    private static readonly Berth Fish = new("Fish Dock", 60, 5.0);
    private static readonly DateTime Monday = new(2025, 4, 14, 6, 0, 0);

    private static BerthPlanner Planner()
    {
        var registry = new VesselRegistry();
        registry.Register(new Vessel("9321483", "Celtic Mariner", 180, 9.2));
        registry.Register(new Vessel("8512291", "Girl Rachael", 24, 3.1));
        return new BerthPlanner(registry, [North, Fish]);
    }

    [Fact]
    public void ChooseBerth_SmallBoat_GetsTheShortestBerthItFits()
    {
        Assert.Equal(Fish, Planner().ChooseBerth(new PortCall("8512291", Monday, Monday.AddHours(4)), []));
    }

    [Fact]
    public void Plan_SecondShipWithNoFreeBerth_IsUnplannedWithTheReason()
    {
        var plan = Planner().Plan(
        [
            new PortCall("9321483", Monday, Monday.AddHours(10)),
            new PortCall("9321483", Monday.AddHours(2), Monday.AddHours(8)),
        ]);

        Assert.Single(plan.Assignments);
        Assert.Equal("No free berth is long and deep enough.", Assert.Single(plan.Unplanned).Reason);
    }
}
