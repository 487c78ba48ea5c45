namespace Heal.VisualStudio.Core.Secrets;

/// <summary>Where tokens live: the Windows credential store in Visual Studio. Never settings files.</summary>
public interface ISecretStore
{
    /// <summary>The stored value, or null when none is stored.</summary>
    string? Read(SecretKind kind);

    /// <summary>Stores a value; null or blank removes it.</summary>
    void Write(SecretKind kind, string? value);
}
