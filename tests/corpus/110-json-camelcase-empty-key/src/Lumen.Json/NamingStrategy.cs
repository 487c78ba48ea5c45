namespace Lumen.Json;

/// <summary>Maps member names and, optionally, dictionary keys to the names written in JSON.</summary>
public abstract class NamingStrategy
{
    /// <summary>Whether dictionary keys are renamed too (off by default: keys are data).</summary>
    public bool ProcessDictionaryKeys { get; init; }

    public string GetPropertyName(string name) => ResolvePropertyName(name);

    public string GetDictionaryKey(string key) => ProcessDictionaryKeys ? ResolvePropertyName(key) : key;

    protected abstract string ResolvePropertyName(string name);
}

public sealed class DefaultNamingStrategy : NamingStrategy
{
    protected override string ResolvePropertyName(string name) => name;
}

public sealed class CamelCaseNamingStrategy : NamingStrategy
{
    protected override string ResolvePropertyName(string name) => StringUtils.ToCamelCase(name);
}

public sealed class SnakeCaseNamingStrategy : NamingStrategy
{
    protected override string ResolvePropertyName(string name) => StringUtils.ToSnakeCase(name);
}
