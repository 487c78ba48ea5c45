using Newtonsoft.Json;

namespace Heal.VisualStudio.Core.Protocol;

/// <summary>LSP TextEdit.</summary>
public sealed class LspTextEdit
{
    [JsonProperty("range")]
    public LspRange Range { get; set; } = new();

    [JsonProperty("newText")]
    public string NewText { get; set; } = "";
}
