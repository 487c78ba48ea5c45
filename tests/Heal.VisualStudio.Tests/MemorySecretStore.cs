using Heal.VisualStudio.Core.Secrets;

namespace Heal.VisualStudio.Tests;

/// <summary>
/// Stands in for the Windows credential store, which cannot run here; what is checked is where a stored token goes
/// (the server's environment) and where it never goes (settings, initialization options, logs).
/// </summary>
internal sealed class MemorySecretStore : ISecretStore
{
    private readonly Dictionary<SecretKind, string> _values = [];

    public string? Read(SecretKind kind) => _values.TryGetValue(kind, out var value) ? value : null;

    public void Write(SecretKind kind, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            _values.Remove(kind);
        }
        else
        {
            _values[kind] = value;
        }
    }
}
