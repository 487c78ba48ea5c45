using System.Collections.Immutable;

namespace Heal.Feed.Protocol;

/// <summary>A framed Sentry envelope: the header's <c>event_id</c> and the <c>event</c> items. Other items are counted, not kept.</summary>
/// <param name="EventId">The envelope header's <c>event_id</c>, when it has a string one.</param>
/// <param name="Events">The <c>event</c> items in order.</param>
/// <param name="SkippedItems">How many items of other types (session, client_report, transaction, attachment, …) were skipped.</param>
public sealed record Envelope(string? EventId, ImmutableArray<EnvelopeItem> Events, int SkippedItems);
