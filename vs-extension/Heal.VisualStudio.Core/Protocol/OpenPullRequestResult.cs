using Newtonsoft.Json;

namespace Heal.VisualStudio.Core.Protocol;

/// <summary>The pull request opened for a patch the server validated again; anything else is a RequestFailed (-32803) error.</summary>
public sealed class OpenPullRequestResult
{
    [JsonProperty("number")]
    public int Number { get; set; }

    [JsonProperty("url")]
    public string Url { get; set; } = "";

    [JsonProperty("branch")]
    public string Branch { get; set; } = "";

    /// <summary>0..1.</summary>
    [JsonProperty("confidence")]
    public double Confidence { get; set; }
}
