namespace HomeHub.Core;

/// <summary>
/// In-process messages between the hub's radio drivers, automations and the app bridge. Everything runs on the
/// hub's single event loop, so the bus takes no locks.
/// </summary>
public sealed class HubEventBus
{
    private readonly List<Subscription> _subscriptions = new();

    /// <summary>Registers <paramref name="handler"/> for messages of type <typeparamref name="T"/>.</summary>
    /// <returns>Dispose it to unsubscribe.</returns>
    /// <remarks>
    /// A handler may unsubscribe itself or others, or subscribe new handlers, while it handles a message. Such
    /// changes take effect from the next published message; every handler subscribed when a message is published
    /// receives it unless it was unsubscribed before its turn.
    /// </remarks>
    public IDisposable Subscribe<T>(Action<T> handler)
    {
        var subscription = new Subscription(this, typeof(T), message => handler((T)message));
        _subscriptions.Add(subscription);
        return subscription;
    }

    public void Publish<T>(T message) where T : notnull
    {
        foreach (var subscription in _subscriptions)
        {
            if (subscription.MessageType.IsAssignableFrom(typeof(T)) && !subscription.Disposed)
            {
                subscription.Handler(message);
            }
        }
    }

    public int SubscriberCount => _subscriptions.Count;

    private sealed class Subscription : IDisposable
    {
        private readonly HubEventBus _bus;

        public Subscription(HubEventBus bus, Type messageType, Action<object> handler)
        {
            _bus = bus;
            MessageType = messageType;
            Handler = handler;
        }

        public Type MessageType { get; }

        public Action<object> Handler { get; }

        public bool Disposed { get; private set; }

        public void Dispose()
        {
            Disposed = true;
            _bus._subscriptions.Remove(this);
        }
    }
}
