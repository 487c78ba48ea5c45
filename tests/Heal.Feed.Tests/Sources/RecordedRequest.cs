namespace Heal.Feed.Tests.Sources;

/// <summary>One request the loopback API received, as it arrived.</summary>
/// <param name="Path">The URL path, e.g. <c>/api/0/projects/acme/shop/issues/</c>.</param>
/// <param name="Query">Decoded query parameters (the last value of each).</param>
/// <param name="Authorization">The <c>Authorization</c> header, or null.</param>
/// <param name="At">When the server received it.</param>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, string? Authorization, DateTimeOffset At);
