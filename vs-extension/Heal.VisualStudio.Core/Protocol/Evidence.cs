using Newtonsoft.Json;

namespace Heal.VisualStudio.Core.Protocol;

/// <summary>What the repository says should happen, or a frame or line a diagnosis relied on (heal/heal's <c>evidence</c>).</summary>
public sealed class Evidence
{
    [JsonProperty("kind")]
    public string Kind { get; set; } = "";

    [JsonProperty("path")]
    public string Path { get; set; } = "";

    [JsonProperty("line")]
    public int Line { get; set; }

    [JsonProperty("text")]
    public string Text { get; set; } = "";

    [JsonProperty("outcome")]
    public string? Outcome { get; set; }

    [JsonProperty("uri")]
    public string? Uri { get; set; }
}
