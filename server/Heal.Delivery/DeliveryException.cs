namespace Heal.Delivery;

/// <summary>A delivery step that could not be done, with a message fit for the user (never containing a token).</summary>
public sealed class DeliveryException(string message, Exception? inner = null) : Exception(message, inner);
