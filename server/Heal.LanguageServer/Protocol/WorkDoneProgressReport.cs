namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>WorkDoneProgressReport</c>.</summary>
public sealed record WorkDoneProgressReport(string? Message, int? Percentage)
{
    public string Kind => "report";
}
