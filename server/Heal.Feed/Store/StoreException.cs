namespace Heal.Feed.Store;

/// <summary>The store cannot be opened or used as asked; the message says why in words a user can act on.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
