using System.Collections.Immutable;
using Heal.Core.Model;

namespace Heal.LanguageServer.Errors;

/// <summary>One group with its latest event and that event's culprit frames linked to workspace files (throwing frame last).</summary>
public sealed record ErrorEntry(ErrorGroup Group, ErrorEvent? Latest, ImmutableArray<LinkedFrame> Frames)
{
    public bool Muted => Group.Status == GroupStatus.Muted;

    /// <summary>The linked frame that threw: the last in Sentry order.</summary>
    public LinkedFrame? Throwing => Frames.IsDefaultOrEmpty ? null : Frames[^1];
}
