using System.Text.Json;

namespace Heal.Testing;

/// <param name="Body">The body parsed as JSON whatever the Content-Type said (Octokit labels JSON as form data); null when empty or not JSON.</param>
public sealed record RecordedRequest(string Method, string Path, string? Authorization, string? ContentType, JsonElement? Body, string RawBody);
