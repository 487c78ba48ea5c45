using Heal.Core.Model;

namespace Heal.Feed.Store;

/// <summary>An event read back from the store, with its position for followers.</summary>
/// <param name="Cursor">The event's row id: pass it to <c>GetEventsAfterAsync</c> to read what came next.</param>
/// <param name="Problems">What the parser could not read when the event arrived (<c>location: message</c>).</param>
/// <param name="Authenticated">True when the receiver checked the sender's DSN key before storing the event.</param>
public sealed record StoredEvent(long Cursor, string GroupId, DateTimeOffset ReceivedAt, ErrorEvent Event, IReadOnlyList<string> Problems, bool Authenticated = false);
