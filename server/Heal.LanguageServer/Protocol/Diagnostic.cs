namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>Diagnostic</c>. <see cref="Code"/> is the Heal group id.</summary>
public sealed record Diagnostic(Range Range, DiagnosticSeverity Severity, string Code, string Source, string Message, IReadOnlyList<DiagnosticRelatedInformation>? RelatedInformation = null);
