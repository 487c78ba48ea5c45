namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>DiagnosticSeverity</c>, serialised as its number.</summary>
public enum DiagnosticSeverity
{
    Error = 1,
    Warning = 2,
    Information = 3,
    Hint = 4,
}
