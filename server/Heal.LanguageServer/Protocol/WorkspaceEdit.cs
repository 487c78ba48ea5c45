namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>WorkspaceEdit</c> (the <c>changes</c> form: uri → edits).</summary>
public sealed record WorkspaceEdit(IReadOnlyDictionary<string, IReadOnlyList<TextEdit>> Changes);
