using System;
using System.ComponentModel;
using System.Runtime.InteropServices;
using Heal.VisualStudio.Core.Secrets;
using Heal.VisualStudio.Core.Settings;
using Microsoft.VisualStudio.Shell;

namespace Heal.VisualStudio;

/// <summary>
/// Tools › Options › Heal › General: the settings VS Code has as <c>heal.*</c>. The three tokens are shown masked and
/// go to the Windows credential store when typed; they are hidden from the settings store, so no settings file holds
/// them. Apply restarts the server when a setting changed.
/// </summary>
[Guid(HealGuids.OptionsPage)]
public sealed class HealOptionsPage : DialogPage
{
    private const string Server = "Server";
    private const string Errors = "Errors";
    private const string Diagnosis = "Diagnosis";
    private const string PullRequests = "Pull requests";
    private const string Tokens = "Tokens (Windows credential store)";

    private readonly ISecretStore _secrets = new WindowsCredentialStore();

    /// <summary>Raised after Apply with the settings now in force.</summary>
    public event Action<HealSettings>? Applied;

    [Category(Server), DisplayName("Server path"), Description("A heal executable or heal.dll (run with dotnet) to run as the language server. Empty: the server bundled with the extension, else heal on PATH.")]
    public string ServerPath { get; set; } = "";

    [Category(Errors), DisplayName("Store"), Description("Path of the Heal feed store (SQLite). Empty: the solution's .heal/settings.json, else the server's default store.")]
    public string Store { get; set; } = "";

    [Category(Errors), DisplayName("JSON-lines file"), Description("A JSON-lines file of Sentry events to read errors from instead of the store (relative to the solution folder when relative).")]
    public string Jsonl { get; set; } = "";

    [Category(Errors), DisplayName("Import: base URL"), Description("Base URL of a Sentry-compatible server to import errors from (e.g. https://sentry.example.com).")]
    public string ImportBaseUrl { get; set; } = "";

    [Category(Errors), DisplayName("Import: organization"), Description("Organization slug for the import.")]
    public string ImportOrganization { get; set; } = "";

    [Category(Errors), DisplayName("Import: project"), Description("Project slug for the import.")]
    public string ImportProject { get; set; } = "";

    [Category(Diagnosis), DisplayName("LLM provider"), Description("offline (deterministic Roslyn rules, no network), openai or anthropic.")]
    public string LlmProvider { get; set; } = HealSettings.DefaultLlmProvider;

    [Category(Diagnosis), DisplayName("LLM endpoint"), Description("Endpoint of the LLM provider (empty: the provider's default).")]
    public string LlmEndpoint { get; set; } = "";

    [Category(Diagnosis), DisplayName("LLM model"), Description("Model name for the LLM provider.")]
    public string LlmModel { get; set; } = "";

    [Category(PullRequests), DisplayName("Code host URL"), Description("API base URL of the GitHub (or GitHub Enterprise) code host that receives pull requests.")]
    public string CodeHostUrl { get; set; } = HealSettings.DefaultCodeHostUrl;

    [Category(PullRequests), DisplayName("Code host repository"), Description("Repository that receives pull requests, as owner/name.")]
    public string CodeHostRepository { get; set; } = "";

    [Category(Tokens), DisplayName("GitHub token"), Description("Used to push and open pull requests. Stored in the Windows credential store; empty removes it.")]
    [PasswordPropertyText(true), DesignerSerializationVisibility(DesignerSerializationVisibility.Hidden)]
    public string GitHubToken { get => Masked(SecretKind.GitHubToken); set => SaveSecret(SecretKind.GitHubToken, value); }

    [Category(Tokens), DisplayName("LLM API key"), Description("API key of the LLM provider. Stored in the Windows credential store; empty removes it.")]
    [PasswordPropertyText(true), DesignerSerializationVisibility(DesignerSerializationVisibility.Hidden)]
    public string LlmApiKey { get => Masked(SecretKind.LlmApiKey); set => SaveSecret(SecretKind.LlmApiKey, value); }

    [Category(Tokens), DisplayName("Sentry import token"), Description("Auth token of the Sentry-style backend errors are imported from. Stored in the Windows credential store; empty removes it.")]
    [PasswordPropertyText(true), DesignerSerializationVisibility(DesignerSerializationVisibility.Hidden)]
    public string SentryToken { get => Masked(SecretKind.SentryToken); set => SaveSecret(SecretKind.SentryToken, value); }

    public ISecretStore Secrets => _secrets;

    public HealSettings ToSettings() => new HealSettings
    {
        ServerPath = ServerPath,
        Store = Store,
        Jsonl = Jsonl,
        ImportBaseUrl = ImportBaseUrl,
        ImportOrganization = ImportOrganization,
        ImportProject = ImportProject,
        LlmProvider = LlmProvider,
        LlmEndpoint = LlmEndpoint,
        LlmModel = LlmModel,
        CodeHostUrl = CodeHostUrl,
        CodeHostRepository = CodeHostRepository,
    }.Normalized();

    protected override void OnApply(PageApplyEventArgs e)
    {
        base.OnApply(e);
        if (e.ApplyBehavior == ApplyKind.Apply)
        {
            Applied?.Invoke(ToSettings());
        }
    }

    /// <summary>The property grid shows a fixed mask for a stored token; the token itself is never read back into the UI.</summary>
    private string Masked(SecretKind kind) => _secrets.Read(kind) is null ? "" : "********";

    private void SaveSecret(SecretKind kind, string? value)
    {
        if (value != "********")
        {
            _secrets.Write(kind, value);
        }
    }
}
