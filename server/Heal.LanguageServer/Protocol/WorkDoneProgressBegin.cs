namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>WorkDoneProgressBegin</c>.</summary>
public sealed record WorkDoneProgressBegin(string Title, string? Message, int? Percentage, bool Cancellable = false)
{
    public string Kind => "begin";
}
