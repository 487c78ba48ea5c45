using System.Net.Http.Headers;
using System.Text.Json;

namespace Heal.Feed.Tests.Fixtures;

/// <summary>What the receiver answered.</summary>
public sealed record FeedAnswer(int Status, string Body, RetryConditionHeaderValue? RetryAfter, MediaTypeHeaderValue? ContentType)
{
    /// <summary>The <c>Access-Control-Allow-Origin</c> answer header, when there was one.</summary>
    public string? AllowOrigin { get; init; }

    private JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Id => Json.TryGetProperty("id", out var id) ? id.GetString() : null;

    public string? Error => Json.TryGetProperty("error", out var e) ? e.GetString() : null;

    public string? Detail => Json.TryGetProperty("detail", out var d) ? d.GetString() : null;
}
