using Heal.VisualStudio.Core.Protocol;
using Newtonsoft.Json.Linq;

namespace Heal.VisualStudio.Core.Commands;

/// <summary>
/// A heal.* command from one of the server's code actions or code lenses ("Heal this error", "Show error details",
/// "Mute this error"), with the group id and document it carries (the server keeps no state between requests).
/// </summary>
public sealed record HealCommand(HealCommandKind Kind, string GroupId, string? Uri)
{
    /// <summary>Reads <c>workspace/executeCommand</c> params (<c>{command, arguments: [{groupId, uri?}]}</c>); false for any other command.</summary>
    public static bool TryParse(JToken? executeCommandParams, out HealCommand command)
    {
        command = null!;
        if (executeCommandParams is not JObject parameters)
        {
            return false;
        }

        HealCommandKind? kind = (string?)parameters["command"] switch
        {
            HealMethods.HealCommand => HealCommandKind.Heal,
            HealMethods.ShowErrorDetailsCommand => HealCommandKind.ShowErrorDetails,
            HealMethods.MuteCommand => HealCommandKind.Mute,
            _ => null,
        };
        var argument = parameters["arguments"] is JArray { Count: > 0 } arguments ? arguments[0] : null;
        var groupId = argument switch
        {
            JObject o when o["groupId"] is JValue { Type: JTokenType.String } id => (string?)id,
            JValue { Type: JTokenType.String } text => (string?)text,
            _ => null,
        };
        if (kind is null || string.IsNullOrEmpty(groupId))
        {
            return false;
        }

        var uri = argument is JObject withUri && withUri["uri"] is JValue { Type: JTokenType.String } u ? (string?)u : null;
        command = new HealCommand(kind.Value, groupId!, uri);
        return true;
    }
}
