namespace Accounts;

public sealed record User(Guid Id, string Email, UserProfile? Profile);

// Profiles are created lazily the first time a user opens the settings page, so many users have none.
public sealed record UserProfile(string DisplayName, string? AvatarUrl, string TimeZoneId, string Locale);
