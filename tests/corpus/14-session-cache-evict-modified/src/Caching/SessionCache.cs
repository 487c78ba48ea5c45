namespace Caching
{
    /// <summary>In-process session cache for the admin portal; one instance per node, guarded by a lock.</summary>
    public sealed class SessionCache
    {
        private readonly List<Session> _sessions = new List<Session>();
        private readonly object _gate = new object();

        public int Count
        {
            get { lock (_gate) { return _sessions.Count; } }
        }

        public void Add(Session session)
        {
            lock (_gate)
            {
                _sessions.Add(session);
            }
        }

        public Session? Find(string token, DateTimeOffset now)
        {
            lock (_gate)
            {
                return _sessions.Find(s => s.Token == token && !s.IsExpired(now));
            }
        }

        public int RemoveUser(string userId)
        {
            lock (_gate)
            {
                return _sessions.RemoveAll(s => s.UserId == userId);
            }
        }

        public int EvictExpired(DateTimeOffset now)
        {
            lock (_gate)
            {
                var evicted = 0;
                foreach (var session in _sessions)
                {
                    if (session.IsExpired(now))
                    {
                        _sessions.Remove(session);
                        evicted++;
                    }
                }

                return evicted;
            }
        }
    }
}
