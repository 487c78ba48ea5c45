using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Heal.Testing;

/// <summary>
/// One HTTP request as a loopback double (the GitHub, Sentry and LLM stand-ins) received it, whole: the tests check the
/// wire traffic against it.
/// </summary>
/// <param name="Path">The URL path, e.g. <c>/api/0/projects/acme/shop/issues/</c>.</param>
/// <param name="QueryString">The query as sent, with its <c>?</c>, or empty.</param>
/// <param name="Headers">Every header (names compared ignoring case; repeated values joined with commas).</param>
/// <param name="RawBody">The body as text, empty when there is none.</param>
/// <param name="At">When the double received it.</param>
public sealed record RecordedRequest(string Method, string Path, string QueryString, IReadOnlyDictionary<string, string> Headers, string RawBody, DateTimeOffset At)
{
    public string PathAndQuery => Path + QueryString;

    /// <summary>Decoded query parameters (the last value of each).</summary>
    public IReadOnlyDictionary<string, string> Query =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(QueryString).ToDictionary(q => q.Key, q => q.Value[^1] ?? "", StringComparer.Ordinal);

    /// <summary>The <c>Authorization</c> header, or null.</summary>
    public string? Authorization => Header("Authorization");

    public string? ContentType => Header("Content-Type");

    /// <summary>The body parsed as JSON whatever the Content-Type said (Octokit labels JSON as form data); null when empty or not JSON.</summary>
    public JsonElement? Body
    {
        get
        {
            if (RawBody.Length == 0)
            {
                return null;
            }

            try
            {
                return JsonDocument.Parse(RawBody).RootElement.Clone();
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>A header's value, or null when the request had none (or an empty one).</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>Reads the request, body included, as it arrived.</summary>
    public static async Task<RecordedRequest> ReadAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "/", context.Request.QueryString.Value ?? "", headers, body, DateTimeOffset.UtcNow);
    }
}
