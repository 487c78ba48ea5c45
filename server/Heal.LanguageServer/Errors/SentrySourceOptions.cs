namespace Heal.LanguageServer.Errors;

/// <summary>A Sentry-style backend named in <c>initializationOptions.sentry</c>; <paramref name="Url"/> null means sentry.io.</summary>
public sealed record SentrySourceOptions(string? Url, string Organization, string Project);
