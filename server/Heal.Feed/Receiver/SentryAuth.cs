using Microsoft.AspNetCore.Http;

namespace Heal.Feed.Receiver;

/// <summary>
/// Finds the DSN public key of a request: <c>X-Sentry-Auth: Sentry sentry_key=K, sentry_version=7</c> (with or without
/// spaces after the commas, in any order), the same in <c>Authorization</c>, or the <c>sentry_key</c> query parameter
/// that browser and Node SDKs use.
/// </summary>
public static class SentryAuth
{
    public static string? FindKey(HttpRequest request)
    {
        if (FromHeader(request.Headers["X-Sentry-Auth"].ToString()) is { } key)
        {
            return key;
        }

        if (FromHeader(request.Headers.Authorization.ToString()) is { } authorization)
        {
            return authorization;
        }

        var query = request.Query["sentry_key"].ToString();
        return query.Length > 0 ? query : null;
    }

    public static string? FromHeader(string header)
    {
        var text = header.AsSpan().Trim();
        if (text.IsEmpty)
        {
            return null;
        }

        if (text.StartsWith("Sentry ", StringComparison.OrdinalIgnoreCase))
        {
            text = text[7..];
        }

        foreach (var range in text.Split(','))
        {
            var pair = text[range].Trim();
            var eq = pair.IndexOf('=');
            if (eq > 0 && pair[..eq].Trim().Equals("sentry_key", StringComparison.Ordinal))
            {
                var value = pair[(eq + 1)..].Trim();
                return value.IsEmpty ? null : value.ToString();
            }
        }

        return null;
    }
}
