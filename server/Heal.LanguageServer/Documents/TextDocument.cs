namespace Heal.LanguageServer.Documents;

/// <summary>An open document as the editor holds it: the text is the truth, not the file on disk.</summary>
public sealed record TextDocument(string Uri, int Version, string Text);
