using Heal.Core.Model;

namespace Heal.LanguageServer.Errors;

/// <summary>One linked frame of a group's latest event, as the file it links to sees it.</summary>
public sealed record ErrorFrame(ErrorEntry Entry, LinkedFrame Frame)
{
    public bool IsThrowing => ReferenceEquals(Frame, Entry.Throwing);
}
