using Caching;

namespace Caching.Behaviour.Tests
{
    public class EvictionBehaviour
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

        [Fact]
        public void EvictExpired_SomeExpired_RemovesExactlyThose()
        {
            var cache = new SessionCache();
            cache.Add(new Session("old-1", "u1", Now.AddMinutes(-30)));
            cache.Add(new Session("live", "u2", Now.AddMinutes(30)));
            cache.Add(new Session("old-2", "u3", Now.AddMinutes(-5)));
            cache.Add(new Session("old-3", "u4", Now));

            Assert.Equal(3, cache.EvictExpired(Now));
            Assert.Equal(1, cache.Count);
            Assert.NotNull(cache.Find("live", Now));
        }

        [Fact]
        public void EvictExpired_AllExpired_EmptiesCache()
        {
            var cache = new SessionCache();
            cache.Add(new Session("a", "u1", Now.AddDays(-1)));
            cache.Add(new Session("b", "u1", Now.AddDays(-2)));

            Assert.Equal(2, cache.EvictExpired(Now));
            Assert.Equal(0, cache.Count);
        }
    }
}
