namespace Heal.VisualStudio.Core.Settings;

/// <summary>
/// The Heal settings of Tools › Options › Heal, the same set as VS Code's <c>heal.*</c> settings
/// (vscode-extension/src/config.ts). Tokens are not settings: see <see cref="Secrets.SecretKind"/>.
/// Two equal values start the same server, so a change that yields an unequal value needs a restart.
/// </summary>
public sealed record HealSettings
{
    public const string DefaultLlmProvider = "offline";

    public const string DefaultCodeHostUrl = "https://api.github.com";

    public static HealSettings Default { get; } = new();

    /// <summary>A <c>heal</c> executable or a <c>heal.dll</c> (run with <c>dotnet</c>); empty: the bundled server, else <c>heal</c> on PATH.</summary>
    public string ServerPath { get; init; } = "";

    public string Store { get; init; } = "";

    public string Jsonl { get; init; } = "";

    public string ImportBaseUrl { get; init; } = "";

    public string ImportOrganization { get; init; } = "";

    public string ImportProject { get; init; } = "";

    public string LlmProvider { get; init; } = DefaultLlmProvider;

    public string LlmEndpoint { get; init; } = "";

    public string LlmModel { get; init; } = "";

    public string CodeHostUrl { get; init; } = DefaultCodeHostUrl;

    /// <summary>owner/name of the repository that receives pull requests.</summary>
    public string CodeHostRepository { get; init; } = "";

    /// <summary>Trims every value and puts the defaults back for empty ones, as VS Code's readSettings does.</summary>
    public HealSettings Normalized() => new()
    {
        ServerPath = Trim(ServerPath),
        Store = Trim(Store),
        Jsonl = Trim(Jsonl),
        ImportBaseUrl = Trim(ImportBaseUrl),
        ImportOrganization = Trim(ImportOrganization),
        ImportProject = Trim(ImportProject),
        LlmProvider = Trim(LlmProvider) is { Length: > 0 } provider ? provider : DefaultLlmProvider,
        LlmEndpoint = Trim(LlmEndpoint),
        LlmModel = Trim(LlmModel),
        CodeHostUrl = Trim(CodeHostUrl) is { Length: > 0 } url ? url : DefaultCodeHostUrl,
        CodeHostRepository = Trim(CodeHostRepository),
    };

    private static string Trim(string? value) => (value ?? "").Trim();
}
