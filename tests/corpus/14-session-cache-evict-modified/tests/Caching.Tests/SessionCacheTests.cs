using Caching;

namespace Caching.Tests
{
    public class SessionCacheTests
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

        [Fact]
        public void Find_ExpiredSession_IsNull()
        {
            var cache = new SessionCache();
            cache.Add(new Session("t1", "u1", Now.AddMinutes(-1)));

            Assert.Null(cache.Find("t1", Now));
        }

        [Fact]
        public void RemoveUser_TwoSessions_RemovesBoth()
        {
            var cache = new SessionCache();
            cache.Add(new Session("t1", "u1", Now.AddHours(1)));
            cache.Add(new Session("t2", "u1", Now.AddHours(2)));
            cache.Add(new Session("t3", "u2", Now.AddHours(1)));

            Assert.Equal(2, cache.RemoveUser("u1"));
            Assert.Equal(1, cache.Count);
        }

        [Fact]
        public void EvictExpired_NothingExpired_RemovesNothing()
        {
            var cache = new SessionCache();
            cache.Add(new Session("t1", "u1", Now.AddHours(1)));

            Assert.Equal(0, cache.EvictExpired(Now));
        }
    }
}
