namespace Caching
{
    public sealed record Session(string Token, string UserId, DateTimeOffset ExpiresAt)
    {
        public bool IsExpired(DateTimeOffset now) => ExpiresAt <= now;
    }
}
