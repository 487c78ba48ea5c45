using Newtonsoft.Json;

namespace Heal.VisualStudio.Core.Protocol;

/// <summary>Result of heal/mute: false when the group or the store does not exist.</summary>
public sealed class MuteResult
{
    [JsonProperty("muted")]
    public bool Muted { get; set; }
}
