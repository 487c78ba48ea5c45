namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>CodeActionOptions</c>.</summary>
public sealed record CodeActionOptions(IReadOnlyList<string> CodeActionKinds);
