using Heal.Core.Model;

namespace Heal.Repair;

/// <summary>What a diagnoser is asked: this event, in this repository.</summary>
/// <param name="Event">The error event (untrusted data).</param>
/// <param name="RepositoryRoot">Absolute path of the repository whose files the event's frames are linked to. Read-only.</param>
/// <param name="PreviousAttemptFailure">
/// When validation rejected an earlier patch (build or tests failed), its output; the diagnoser may try once more.
/// </param>
public sealed record RepairRequest(ErrorEvent Event, string RepositoryRoot, string? PreviousAttemptFailure = null);
