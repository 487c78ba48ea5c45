using Newtonsoft.Json;

namespace Heal.VisualStudio.Core.Protocol;

/// <summary>LSP MarkupContent.</summary>
public sealed class MarkupContent
{
    [JsonProperty("kind")]
    public string Kind { get; set; } = "markdown";

    [JsonProperty("value")]
    public string Value { get; set; } = "";
}
