namespace Heal.LanguageServer.Handlers;

/// <summary>The result of notifications and of requests whose result is <c>null</c>.</summary>
public sealed record NoResult
{
    public static NoResult? None => null;
}
