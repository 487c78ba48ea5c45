namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>MarkupContent</c>.</summary>
public sealed record MarkupContent(string Kind, string Value)
{
    public static MarkupContent Markdown(string value) => new("markdown", value);
}
