using Accounts;

namespace Accounts.Behaviour.Tests;

public class TimeZoneBehaviour
{
    [Fact]
    public void TimeZoneFor_NoProfile_IsDefaultTimeZone() =>
        Assert.Equal("Europe/London", UserPreferences.TimeZoneFor(new User(Guid.NewGuid(), "bob@example.org", null)));

    [Fact]
    public void TimeZoneFor_Profile_IsProfileZone() =>
        Assert.Equal("Asia/Tokyo", UserPreferences.TimeZoneFor(new User(Guid.NewGuid(), "k@example.org", new UserProfile("K", null, "Asia/Tokyo", "ja-JP"))));

    [Fact]
    public void Describe_NoProfile_UsesDefaults() =>
        Assert.Equal("Daily digest for bob@example.org at 07:30 (Europe/London, en-GB)",
            new DigestScheduler(new TimeOnly(7, 30)).Describe(new User(Guid.NewGuid(), "bob@example.org", null)));
}
