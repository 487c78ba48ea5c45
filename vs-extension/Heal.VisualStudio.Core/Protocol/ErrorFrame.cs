using Newtonsoft.Json;

namespace Heal.VisualStudio.Core.Protocol;

/// <summary>A stack frame; <see cref="Location"/> is set when it links to a file of the workspace. Line is the event's (1-based).</summary>
public sealed class ErrorFrame
{
    [JsonProperty("function")]
    public string? Function { get; set; }

    [JsonProperty("file")]
    public string? File { get; set; }

    [JsonProperty("line")]
    public int? Line { get; set; }

    [JsonProperty("location")]
    public LspLocation? Location { get; set; }
}
