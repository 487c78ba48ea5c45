using Analytics;

namespace Analytics.Behaviour.Tests;

public class PlanPropertyBehaviour
{
    [Fact]
    public void ByPlan_GroupsDeserialisedPlanNames()
    {
        var events = TrackedEvent.ParseBatch("""
        [{"name":"signup_completed","properties":{"plan":"Team","amount":49}},
         {"name":"signup_completed","properties":{"plan":" team ","amount":49}},
         {"name":"signup_completed","properties":{"plan":"starter","amount":9}},
         {"name":"signup_completed","properties":{"plan":"","amount":5}},
         {"name":"signup_completed","properties":{"plan":null,"amount":7}}]
        """);
        Assert.Equal(
            [new PlanConversions("team", 2, 98m), new PlanConversions("(unknown)", 2, 12m), new PlanConversions("starter", 1, 9m)],
            ConversionReport.ByPlan(events));
    }

    [Fact]
    public void ByPlan_PlanSentAsNumber_IsUnknown()
    {
        var events = TrackedEvent.ParseBatch("""[{"name":"signup_completed","properties":{"plan":3,"amount":1}}]""");
        Assert.Equal([new PlanConversions("(unknown)", 1, 1m)], ConversionReport.ByPlan(events));
    }
}
