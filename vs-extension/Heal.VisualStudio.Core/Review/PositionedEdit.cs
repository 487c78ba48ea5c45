namespace Heal.VisualStudio.Core.Review;

/// <summary>
/// One replacement, as both LSP line/character (what Visual Studio's text buffers take) and offsets into the original
/// text (what <see cref="FileChange.Apply"/> uses).
/// </summary>
public sealed record PositionedEdit(int StartLine, int StartCharacter, int EndLine, int EndCharacter, int StartOffset, int EndOffset, string NewText);
