namespace Heal.Pipeline.Hosting;

/// <summary>
/// Everything that chooses Heal's parts, in one type: the CLI fills it from its options, the language server from
/// <c>initializationOptions</c>; <see cref="HealHost"/> turns it into a store, an error source, a diagnoser, a validator,
/// delivery and a code host. Secrets are never here: they are read from <see cref="Environment"/> where they are used.
/// </summary>
public sealed record HealOptions
{
    /// <summary>The folder relative paths are resolved against: the current folder for the CLI, the workspace root for an editor.</summary>
    public required string Folder { get; init; }

    /// <summary>The store to read or write; null chooses as <see cref="StoreChoice.Resolve"/> says.</summary>
    public string? Store { get; init; }

    /// <summary>Read errors from this JSON-lines file instead of a store.</summary>
    public string? JsonLines { get; init; }

    /// <summary>Read errors from a Sentry-style backend instead of a store (the token comes from the environment).</summary>
    public SentryImport? Sentry { get; init; }

    /// <summary>Diagnose with the deterministic rules only, whatever LLM is configured.</summary>
    public bool Offline { get; init; }

    /// <summary>Reads configuration and secrets (the process environment in production; a dictionary in tests).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;
}
