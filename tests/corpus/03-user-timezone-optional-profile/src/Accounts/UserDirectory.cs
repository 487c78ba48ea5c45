namespace Accounts;

public sealed class UserDirectory
{
    private readonly Dictionary<Guid, User> _users = new();

    public void Add(User user) => _users[user.Id] = user;

    public User? Find(Guid id) => _users.GetValueOrDefault(id);

    public User CompleteProfile(Guid id, string displayName, string timeZoneId)
    {
        var user = _users[id];
        var profile = user.Profile is null
            ? new UserProfile(displayName, null, timeZoneId, UserPreferences.DefaultLocale)
            : user.Profile with { DisplayName = displayName, TimeZoneId = timeZoneId };
        return _users[id] = user with { Profile = profile };
    }

    public IReadOnlyList<User> WithoutProfile() => _users.Values.Where(u => u.Profile is null).ToList();

    public IReadOnlyList<string> Directory() =>
        _users.Values.Select(u => $"{UserPreferences.DisplayNameFor(u)} <{u.Email}>").Order(StringComparer.Ordinal).ToList();
}
