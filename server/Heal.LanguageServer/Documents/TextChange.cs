namespace Heal.LanguageServer.Documents;

/// <summary>One edit of an open document: a zero-based UTF-16 range replaced by <see cref="Text"/>, or, when <see cref="Range"/> is null, the whole text.</summary>
public sealed record TextChange((int StartLine, int StartCharacter, int EndLine, int EndCharacter)? Range, string Text);
