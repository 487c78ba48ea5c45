namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>DiagnosticRelatedInformation</c>.</summary>
public sealed record DiagnosticRelatedInformation(Location Location, string Message);
