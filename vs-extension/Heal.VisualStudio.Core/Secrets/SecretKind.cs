namespace Heal.VisualStudio.Core.Secrets;

/// <summary>The three secrets Heal's server reads from its environment, never from settings or JSON-RPC.</summary>
public enum SecretKind
{
    GitHubToken,
    LlmApiKey,
    SentryToken,
}
