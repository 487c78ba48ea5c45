namespace Heal.Feed.Sources;

/// <summary>
/// A Sentry Web API call that failed for a reason worth telling the user: a status code with the backend's explanation,
/// a rate limit longer than allowed, or a body that is not what Sentry documents. Never carries the token.
/// </summary>
public sealed class SentryApiException(string message, int? statusCode = null, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The HTTP status of the failed response; null when no response was read.</summary>
    public int? StatusCode { get; } = statusCode;
}
