using Heal.Core.Model;

namespace Heal.Feed.Store;

/// <summary>An event ready to be appended: parsed, fingerprinted, with its raw bytes.</summary>
/// <param name="Id">The event id (32 hex digits); a second event with the same id is ignored.</param>
/// <param name="GroupId">The fingerprint's short group id (16 hex digits).</param>
/// <param name="Fingerprint">The full fingerprint hash.</param>
/// <param name="FingerprintBasis">What the fingerprint was computed from, for display.</param>
/// <param name="Type">The culprit exception type, or a stand-in for message-only events.</param>
/// <param name="RawJson">The event JSON as received (UTF-8).</param>
/// <param name="Problems">What the parser could not read, kept with the event.</param>
/// <param name="Authenticated">True when the receiver checked the sender's DSN key before accepting the event.</param>
public sealed record NewEvent(
    string Id,
    string GroupId,
    string Fingerprint,
    string? FingerprintBasis,
    string Type,
    string? Message,
    DateTimeOffset Timestamp,
    DateTimeOffset ReceivedAt,
    string? Release,
    StackFrame? TopFrame,
    ReadOnlyMemory<byte> RawJson,
    IReadOnlyList<ParseProblem> Problems,
    bool Authenticated = false);
