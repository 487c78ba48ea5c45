using Harbour.Berthing;

public class UnknownVesselBehaviour
{
    private static readonly Berth North = new("North Quay", 220, 11.5);
    private static readonly Berth Fish = new("Fish Dock", 60, 5.0);
    private static readonly DateTime Monday = new(2025, 4, 14, 6, 0, 0);

    private static BerthPlanner Planner()
    {
        var registry = new VesselRegistry();
        registry.Register(new Vessel("9321483", "Celtic Mariner", 180, 9.2));
        return new BerthPlanner(registry, [North, Fish]);
    }

    [Fact]
    public void ChooseBerth_UnregisteredVessel_ThrowsUnknownVessel()
    {
        var e = Assert.Throws<UnknownVesselException>(() => Planner().ChooseBerth(new PortCall("9999999", Monday, Monday.AddHours(3)), []));
        Assert.Equal("9999999", e.Imo);
    }

    [Fact]
    public void Plan_UnregisteredVessel_IsUnplannedWithTheRegistryReason_OthersArePlanned()
    {
        var unknown = new PortCall("9999999", Monday, Monday.AddHours(3));
        var known = new PortCall("9321483", Monday.AddHours(1), Monday.AddHours(9));

        var plan = Planner().Plan([unknown, known]);

        var (call, reason) = Assert.Single(plan.Unplanned);
        Assert.Equal(unknown, call);
        Assert.Equal("No vessel is registered with IMO number 9999999.", reason);
        Assert.Equal(North, Assert.Single(plan.Assignments).Berth);
    }
}
