namespace Heal.Core.Model;

/// <summary>All events with the same fingerprint: one bug.</summary>
/// <param name="Id">A short stable id derived from the fingerprint (16 hex digits).</param>
/// <param name="Fingerprint">The full fingerprint hash (see <c>Fingerprint.Compute</c>).</param>
/// <param name="Type">Exception type of the culprit exception.</param>
/// <param name="Message">Message of the latest event.</param>
/// <param name="TopFrame">The throwing in-app frame of the latest event, when any.</param>
/// <param name="LatestEventId">Id of the latest event kept.</param>
public sealed record ErrorGroup(
    string Id,
    string Fingerprint,
    string Type,
    string? Message,
    long Count,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    string? LastRelease,
    GroupStatus Status,
    StackFrame? TopFrame,
    string? LatestEventId);
