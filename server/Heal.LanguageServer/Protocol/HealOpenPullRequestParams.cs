using System.Text.Json;

namespace Heal.LanguageServer.Protocol;

/// <summary>
/// Params of <c>heal/openPullRequest</c>: the group (and the document asked from), and optionally where to deliver; what
/// is left out comes from <c>initializationOptions.codeHost</c> (<c>{url, repository, remote?, base?}</c>).
/// </summary>
public sealed record HealOpenPullRequestParams(
    string GroupId,
    string? Uri,
    string? Repository,
    string? CodeHostUrl,
    string? Remote,
    string? Base,
    JsonElement? WorkDoneToken);
