using Hiring;

namespace Hiring.Behaviour.Tests;

public class NoPhoneBehaviour
{
    [Fact]
    public void Problems_NoPhoneGiven_IsNotAProblem() =>
        Assert.Empty(Screening.Problems(new Applicant("9", "Sam", "sam@example.org", null, null, 4, true)));

    [Fact]
    public void Problems_NoPhoneAndBadEmail_OnlyEmail() =>
        Assert.Equal(["email address looks wrong"], Screening.Problems(new Applicant("9", "Sam", "sam(at)example.org", null, null, 4, true)));

    [Fact]
    public void Problems_GivenPhoneStillChecked() =>
        Assert.Equal(["phone is not a UK mobile number"], Screening.Problems(new Applicant("9", "Sam", "sam@example.org", "12345", null, 4, true)));

    [Fact]
    public void Build_ApplicantWithoutPhone_IsShortlisted()
    {
        var result = Shortlist.Build([new Applicant("7", "Kit", "kit@example.org", null, "https://kit.dev", 5, true)], 2);
        Assert.Equal(["7"], result.Shortlisted.Select(a => a.Id));
        Assert.Empty(result.NeedsFollowUp);
    }
}
