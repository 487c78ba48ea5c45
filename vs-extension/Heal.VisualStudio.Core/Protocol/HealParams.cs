using Newtonsoft.Json;

namespace Heal.VisualStudio.Core.Protocol;

/// <summary>Params of heal/heal (and the argument of the heal.heal command): the group and the document asked from.</summary>
public class HealParams : GroupParams
{
    [JsonProperty("uri", NullValueHandling = NullValueHandling.Ignore)]
    public string? Uri { get; set; }

    /// <summary>The server reports progress on this token with <c>$/progress</c>.</summary>
    [JsonProperty("workDoneToken", NullValueHandling = NullValueHandling.Ignore)]
    public string? WorkDoneToken { get; set; }
}
