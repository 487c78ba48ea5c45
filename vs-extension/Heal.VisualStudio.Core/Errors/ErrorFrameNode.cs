namespace Heal.VisualStudio.Core.Errors;

/// <summary>
/// A frame row under its group. <see cref="FilePath"/> and the zero-based <see cref="Line"/>/<see cref="Character"/>
/// are set when the frame links to a workspace file (a double-click opens it there); otherwise the row only shows
/// where the event said the frame was.
/// </summary>
public sealed record ErrorFrameNode(string Label, string Description, string? FilePath, int Line, int Character)
{
    public bool CanOpen => FilePath is not null;
}
