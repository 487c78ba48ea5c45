using Newtonsoft.Json;

namespace Heal.VisualStudio.Core.Protocol;

/// <summary>A new test file written by Heal: workspace-relative path, URI and whole text.</summary>
public sealed class RegressionTest
{
    [JsonProperty("path")]
    public string Path { get; set; } = "";

    [JsonProperty("uri")]
    public string Uri { get; set; } = "";

    [JsonProperty("text")]
    public string Text { get; set; } = "";
}
