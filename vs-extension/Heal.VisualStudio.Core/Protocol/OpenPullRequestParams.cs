using Newtonsoft.Json;

namespace Heal.VisualStudio.Core.Protocol;

/// <summary>
/// Params of heal/openPullRequest. Left-out fields come from initializationOptions.codeHost; the token is the server's
/// HEAL_GITHUB_TOKEN, never a parameter.
/// </summary>
public sealed class OpenPullRequestParams : HealParams
{
    /// <summary>owner/name.</summary>
    [JsonProperty("repository", NullValueHandling = NullValueHandling.Ignore)]
    public string? Repository { get; set; }

    [JsonProperty("codeHostUrl", NullValueHandling = NullValueHandling.Ignore)]
    public string? CodeHostUrl { get; set; }

    [JsonProperty("remote", NullValueHandling = NullValueHandling.Ignore)]
    public string? Remote { get; set; }

    [JsonProperty("base", NullValueHandling = NullValueHandling.Ignore)]
    public string? Base { get; set; }
}
