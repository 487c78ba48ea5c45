namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>WorkDoneProgressEnd</c>.</summary>
public sealed record WorkDoneProgressEnd(string? Message)
{
    public string Kind => "end";
}
