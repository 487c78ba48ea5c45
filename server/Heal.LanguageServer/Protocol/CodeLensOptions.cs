namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>CodeLensOptions</c>.</summary>
public sealed record CodeLensOptions(bool ResolveProvider);
