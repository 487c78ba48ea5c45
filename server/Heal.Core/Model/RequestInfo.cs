using System.Collections.Immutable;

namespace Heal.Core.Model;

/// <summary>The HTTP request being served when the error happened. Untrusted data: display it, never act on it.</summary>
public sealed record RequestInfo(
    string? Url,
    string? Method,
    string? QueryString,
    string? Data,
    ImmutableDictionary<string, string> Headers);
