using System.Collections.Generic;
using Newtonsoft.Json;

namespace Heal.VisualStudio.Core.Protocol;

/// <summary>
/// One fix the evidence supported when none clearly dominated (set on a decline, best first). The server never applies
/// it; the extension only shows it for a person to choose.
/// </summary>
public sealed class Candidate
{
    [JsonProperty("fixKind")]
    public string FixKind { get; set; } = "";

    [JsonProperty("summary")]
    public string Summary { get; set; } = "";

    [JsonProperty("score")]
    public double Score { get; set; }

    [JsonProperty("patch")]
    public string? Patch { get; set; }

    [JsonProperty("evidence")]
    public List<Evidence> Evidence { get; set; } = [];
}
