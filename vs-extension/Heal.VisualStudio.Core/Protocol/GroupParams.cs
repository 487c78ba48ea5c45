using Newtonsoft.Json;

namespace Heal.VisualStudio.Core.Protocol;

/// <summary>Params of heal/mute and heal/errorDetails: the group id, nothing held by the server.</summary>
public class GroupParams
{
    [JsonProperty("groupId")]
    public string GroupId { get; set; } = "";
}
