namespace Accounts;

public static class UserPreferences
{
    public const string DefaultLocale = "en-GB";
    public const string DefaultTimeZone = "Europe/London";
    public const string DefaultAvatar = "/img/avatar-placeholder.svg";

    public static string DisplayNameFor(User user) =>
        user.Profile is null ? user.Email : user.Profile.DisplayName;

    public static string LocaleFor(User user) =>
        user.Profile?.Locale ?? DefaultLocale;

    public static string AvatarFor(User user) =>
        user.Profile?.AvatarUrl ?? DefaultAvatar;

    public static string TimeZoneFor(User user) =>
        user.Profile!.TimeZoneId;
}
