using System.Collections.Generic;

namespace Heal.VisualStudio.Core.Secrets;

/// <summary>
/// Maps each secret to the server's environment variable (as vscode-extension/src/secrets.ts does) and to its name
/// in the Windows credential store. The server process is the only place a token goes.
/// </summary>
public static class SecretEnvironment
{
    public static IReadOnlyList<SecretKind> All { get; } = [SecretKind.GitHubToken, SecretKind.LlmApiKey, SecretKind.SentryToken];

    public static string VariableOf(SecretKind kind) => kind switch
    {
        SecretKind.GitHubToken => "HEAL_GITHUB_TOKEN",
        SecretKind.LlmApiKey => "HEAL_LLM_API_KEY",
        _ => "HEAL_SENTRY_TOKEN",
    };

    /// <summary>The generic credential's target name (Credential Manager › Windows Credentials).</summary>
    public static string CredentialTargetOf(SecretKind kind) => kind switch
    {
        SecretKind.GitHubToken => "Heal:github-token",
        SecretKind.LlmApiKey => "Heal:llm-api-key",
        _ => "Heal:sentry-token",
    };

    /// <summary>The variables to add to the server's environment: one per stored secret.</summary>
    public static IReadOnlyDictionary<string, string> From(ISecretStore store)
    {
        var environment = new Dictionary<string, string>();
        foreach (var kind in All)
        {
            if (store.Read(kind) is { } value && value.Trim().Length > 0)
            {
                environment[VariableOf(kind)] = value.Trim();
            }
        }

        return environment;
    }
}
