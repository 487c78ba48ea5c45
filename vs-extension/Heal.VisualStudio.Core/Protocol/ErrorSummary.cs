using System.Collections.Generic;
using Newtonsoft.Json;

namespace Heal.VisualStudio.Core.Protocol;

/// <summary>One error group. Times are ISO 8601; status is open, muted, resolved or regressed.</summary>
public sealed class ErrorSummary
{
    [JsonProperty("groupId")]
    public string GroupId { get; set; } = "";

    [JsonProperty("type")]
    public string Type { get; set; } = "";

    [JsonProperty("message")]
    public string? Message { get; set; }

    [JsonProperty("count")]
    public long Count { get; set; }

    [JsonProperty("firstSeen")]
    public string FirstSeen { get; set; } = "";

    [JsonProperty("lastSeen")]
    public string LastSeen { get; set; } = "";

    [JsonProperty("release")]
    public string? Release { get; set; }

    [JsonProperty("status")]
    public string Status { get; set; } = "";

    /// <summary>Innermost (throwing) frame first.</summary>
    [JsonProperty("frames")]
    public List<ErrorFrame> Frames { get; set; } = [];
}
