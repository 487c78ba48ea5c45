namespace Accounts;

public sealed class DigestScheduler
{
    private readonly TimeOnly _sendAt;

    public DigestScheduler(TimeOnly sendAt) => _sendAt = sendAt;

    public string Describe(User user) =>
        $"Daily digest for {UserPreferences.DisplayNameFor(user)} at {_sendAt:HH\\:mm} ({UserPreferences.TimeZoneFor(user)}, {UserPreferences.LocaleFor(user)})";

    public IReadOnlyList<string> DescribeAll(IEnumerable<User> users) =>
        users.Where(u => !u.Email.EndsWith("@example.invalid", StringComparison.Ordinal))
             .Select(Describe)
             .ToList();
}
