namespace Heal.Pipeline.Hosting;

/// <summary>A Sentry-style backend to read errors from: its address (sentry.io when null), organisation and project.</summary>
public sealed record SentryImport(string? Url, string Organization, string Project);
