using Newtonsoft.Json;

namespace Heal.VisualStudio.Core.Protocol;

/// <summary>LSP Range (end exclusive).</summary>
public sealed class LspRange
{
    [JsonProperty("start")]
    public LspPosition Start { get; set; } = new();

    [JsonProperty("end")]
    public LspPosition End { get; set; } = new();
}
