using Accounts;

namespace Accounts.Tests;

public class UserPreferencesTests
{
    private static readonly User WithProfile = new(Guid.NewGuid(), "ann@example.org", new UserProfile("Ann", null, "America/New_York", "en-US"));
    private static readonly User WithoutProfile = new(Guid.NewGuid(), "bob@example.org", null);

    [Fact]
    public void LocaleFor_NoProfile_IsDefault() => Assert.Equal(UserPreferences.DefaultLocale, UserPreferences.LocaleFor(WithoutProfile));

    [Fact]
    public void AvatarFor_ProfileWithoutAvatar_IsPlaceholder() => Assert.Equal(UserPreferences.DefaultAvatar, UserPreferences.AvatarFor(WithProfile));

    [Fact]
    public void DisplayNameFor_NoProfile_IsEmail() => Assert.Equal("bob@example.org", UserPreferences.DisplayNameFor(WithoutProfile));

    [Fact]
    public void Describe_WithProfile_UsesProfileZoneAndLocale() =>
        Assert.Equal("Daily digest for Ann at 08:00 (America/New_York, en-US)", new DigestScheduler(new TimeOnly(8, 0)).Describe(WithProfile));
}
