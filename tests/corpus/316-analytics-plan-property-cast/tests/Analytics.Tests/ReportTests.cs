using Analytics;

namespace Analytics.Tests;

public class ReportTests
{
    [Fact]
    public void ReadDecimal_Number()
    {
        var e = TrackedEvent.ParseBatch("""[{"name":"x","properties":{"amount":12.5}}]""")[0];
        Assert.Equal(12.5m, Props.ReadDecimal(e.Properties, "amount"));
    }

    [Fact]
    public void ReadString_MissingKey_IsNull() => Assert.Null(Props.ReadString(new Dictionary<string, object>(), "plan"));

    [Fact]
    public void ByPlan_EventsWithoutPlan_AreUnknown()
    {
        var events = TrackedEvent.ParseBatch("""
        [{"name":"signup_completed","properties":{"amount":9}},
         {"name":"page_view","properties":{"path":"/pricing"}}]
        """);
        Assert.Equal([new PlanConversions("(unknown)", 1, 9m)], ConversionReport.ByPlan(events));
    }
}
