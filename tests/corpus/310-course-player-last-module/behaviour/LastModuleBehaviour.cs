using Learning;

namespace Learning.Behaviour.Tests;

public class LastModuleBehaviour
{
    private static readonly Course Gdpr = new("DP-2", "Data protection", [new("a", "Principles", 12), new("b", "Breaches", 8)]);

    [Fact]
    public void Next_AtLastModule_IsNullAndStays()
    {
        var player = new CoursePlayer(Gdpr, "b");
        Assert.Null(player.Next());
        Assert.Equal("b", player.Current.Id);
        Assert.Equal(8, player.MinutesLeft);
    }

    [Fact]
    public void FinishCurrent_LastModule_CompletesTheCourse()
    {
        var enrolment = new Enrolment("u9", Gdpr);
        enrolment.FinishCurrent(new DateOnly(2026, 3, 2));
        enrolment.FinishCurrent(new DateOnly(2026, 3, 3));
        Assert.Equal(new DateOnly(2026, 3, 3), enrolment.CompletedOn);
        Assert.Equal("b", enrolment.CurrentModuleId);
    }

    [Fact]
    public void Next_OnSingleModuleCourse_IsNull() =>
        Assert.Null(new CoursePlayer(new Course("X", "Induction", [new("only", "Welcome", 3)])).Next());
}
