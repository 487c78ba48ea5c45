namespace Heal.Feed.Sources;

/// <summary>
/// Where and how <see cref="SentryApiErrorSource"/> reads a Sentry-style backend's Web API. The token is a secret: it is
/// sent only as the <c>Authorization: Bearer</c> header to <see cref="BaseUrl"/>, and never logged, printed or put in
/// an exception message (<see cref="ToString"/> leaves it out).
/// </summary>
/// <param name="BaseUrl">The backend's root, e.g. <c>https://sentry.io/</c> or a self-hosted URL; <c>api/0/…</c> is appended.</param>
/// <param name="Organization">The organization's slug.</param>
/// <param name="Project">The project's slug.</param>
/// <param name="Token">An auth token with <c>event:read</c> (and <c>project:read</c>) scopes.</param>
public sealed record SentryApiOptions(Uri BaseUrl, string Organization, string Project, string Token)
{
    /// <summary>The environment variables <see cref="FromEnvironment"/> reads.</summary>
    public const string UrlVariable = "HEAL_SENTRY_URL";

    public const string OrganizationVariable = "HEAL_SENTRY_ORG";

    public const string ProjectVariable = "HEAL_SENTRY_PROJECT";

    public const string TokenVariable = "HEAL_SENTRY_TOKEN";

    /// <summary>Sentry's structured search query for the issue list. Sentry's own default is <c>is:unresolved</c>.</summary>
    public string Query { get; init; } = "is:unresolved";

    /// <summary>The longest a rate limit may make one request wait; a longer <c>Retry-After</c> fails the call instead.</summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How many times one request is retried after <c>429 Too Many Requests</c> before the call fails.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>How many pages of issues one listing follows at most (Sentry pages hold up to 100 issues).</summary>
    public int MaxPages { get; init; } = 20;

    /// <summary>How often <see cref="SentryApiErrorSource.WatchAsync"/> asks the backend for changed issues.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Options from <c>HEAL_SENTRY_URL</c> (default <c>https://sentry.io/</c>), <c>HEAL_SENTRY_ORG</c>,
    /// <c>HEAL_SENTRY_PROJECT</c> and <c>HEAL_SENTRY_TOKEN</c> (or Sentry's own <c>SENTRY_AUTH_TOKEN</c>); null with the
    /// missing names in <paramref name="missing"/> when one is not set.
    /// </summary>
    public static SentryApiOptions? FromEnvironment(Func<string, string?> variable, out IReadOnlyList<string> missing)
    {
        var url = variable(UrlVariable);
        var organization = variable(OrganizationVariable);
        var project = variable(ProjectVariable);
        var token = variable(TokenVariable) ?? variable("SENTRY_AUTH_TOKEN");
        var absent = new List<string>();
        if (string.IsNullOrWhiteSpace(organization))
        {
            absent.Add(OrganizationVariable);
        }

        if (string.IsNullOrWhiteSpace(project))
        {
            absent.Add(ProjectVariable);
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            absent.Add(TokenVariable);
        }

        Uri? baseUrl = null;
        if (!string.IsNullOrWhiteSpace(url) && !Uri.TryCreate(url, UriKind.Absolute, out baseUrl))
        {
            absent.Add($"{UrlVariable} (not an absolute URL)");
        }

        missing = absent;
        return absent.Count > 0 ? null : new SentryApiOptions(baseUrl ?? new Uri("https://sentry.io/"), organization!, project!, token!);
    }

    /// <summary>Everything but the token.</summary>
    public override string ToString() => $"{BaseUrl} organization={Organization} project={Project} query={Query}";
}
