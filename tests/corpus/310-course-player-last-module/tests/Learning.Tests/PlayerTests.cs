using Learning;

namespace Learning.Tests;

public class PlayerTests
{
    private static readonly Course Fire = new("FS-1", "Fire safety", [new("m1", "Hazards", 10), new("m2", "Extinguishers", 15), new("m3", "Evacuation", 5)]);

    [Fact]
    public void Previous_AtFirstModule_IsNullAndStays()
    {
        var player = new CoursePlayer(Fire);
        Assert.Null(player.Previous());
        Assert.Equal("m1", player.Current.Id);
    }

    [Fact]
    public void Next_MovesOn()
    {
        var player = new CoursePlayer(Fire);
        Assert.Equal("m2", player.Next()!.Id);
        Assert.Equal(20, player.MinutesLeft);
    }

    [Fact]
    public void Resume_UnknownModule_StartsAtTheBeginning() => Assert.Equal("m1", new CoursePlayer(Fire, "gone").Current.Id);

    [Fact]
    public void FinishCurrent_MidCourse_NotCompleted()
    {
        var enrolment = new Enrolment("u1", Fire);
        enrolment.FinishCurrent(new DateOnly(2026, 2, 1));
        Assert.Null(enrolment.CompletedOn);
        Assert.Equal("m2", enrolment.CurrentModuleId);
    }
}
