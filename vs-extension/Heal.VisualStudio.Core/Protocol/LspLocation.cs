using Newtonsoft.Json;

namespace Heal.VisualStudio.Core.Protocol;

/// <summary>LSP Location.</summary>
public sealed class LspLocation
{
    [JsonProperty("uri")]
    public string Uri { get; set; } = "";

    [JsonProperty("range")]
    public LspRange Range { get; set; } = new();
}
