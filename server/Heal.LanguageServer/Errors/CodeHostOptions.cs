using System.Text.Json;

namespace Heal.LanguageServer.Errors;

/// <summary>
/// Where <c>heal/openPullRequest</c> delivers, from <c>initializationOptions.codeHost</c> (<c>{url, repository, remote,
/// base}</c>) and the request's own fields, which win. The token is the server's <c>HEAL_GITHUB_TOKEN</c> or
/// <c>GITHUB_TOKEN</c>, never a parameter.
/// </summary>
public sealed record CodeHostOptions(string? Url, string? Repository, string? Remote, string? Base)
{
    public const string DefaultUrl = "https://api.github.com/";

    public const string DefaultRemote = "origin";

    public static CodeHostOptions None { get; } = new(null, null, null, null);

    public static CodeHostOptions Parse(JsonElement? initializationOptions) =>
        initializationOptions is { ValueKind: JsonValueKind.Object } options && options.TryGetProperty("codeHost", out var host) && host.ValueKind == JsonValueKind.Object
            ? new CodeHostOptions(Text(host, "url"), Text(host, "repository"), Text(host, "remote"), Text(host, "base"))
            : None;

    /// <summary>These options with the request's fields laid over them.</summary>
    public CodeHostOptions Over(CodeHostOptions defaults) =>
        new(Url ?? defaults.Url, Repository ?? defaults.Repository, Remote ?? defaults.Remote, Base ?? defaults.Base);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text.Trim() : null;
}
