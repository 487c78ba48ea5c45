using Newtonsoft.Json;

namespace Heal.VisualStudio.Core.Protocol;

/// <summary>One validation gate of a heal run (scope, build, tests, reproduction, ...).</summary>
public sealed class Gate
{
    [JsonProperty("name")]
    public string Name { get; set; } = "";

    /// <summary>passed, failed or skipped.</summary>
    [JsonProperty("status")]
    public string Status { get; set; } = "";

    [JsonProperty("detail")]
    public string? Detail { get; set; }
}
