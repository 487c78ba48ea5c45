using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Heal.Core.Model;
using Heal.Core.Sources;
using Heal.Feed.Protocol;

namespace Heal.Feed.Sources;

/// <summary>
/// Errors imported from a Sentry-style backend's Web API (sentry.io, self-hosted Sentry, or anything speaking its API):
/// a project's issues become groups, an issue's latest event becomes an <see cref="ErrorEvent"/>.
/// </summary>
/// <remarks>
/// Groups carry Sentry's issue id as their <see cref="ErrorGroup.Id"/> (pass it to <see cref="GetLatestEventAsync"/>),
/// and <c>sentry-issue:&lt;id&gt;</c> as their fingerprint: Sentry's grouping is kept, not recomputed. The issue list
/// follows the <c>Link</c> header's cursors; a <c>429</c> waits for <c>Retry-After</c> and rate-limit headers are honoured
/// (see <see cref="SentryApiOptions"/>). Failures are <see cref="SentryApiException"/>s with the backend's explanation.
/// </remarks>
public sealed class SentryApiErrorSource : IErrorSource, IDisposable
{
    /// <summary>The most issues Sentry returns per page.</summary>
    private const int PageSize = 100;

    private readonly SentryApiOptions _options;
    private readonly SentryApiClient _client;
    private readonly HttpClient? _ownedHttp;
    private readonly TimeProvider _time;

    /// <param name="http">A client to send with; null to create one (disposed with this source).</param>
    /// <param name="time">The clock for rate-limit waits and polling; null for the system clock.</param>
    public SentryApiErrorSource(SentryApiOptions options, HttpClient? http = null, TimeProvider? time = null)
    {
        _options = options;
        _time = time ?? TimeProvider.System;
        if (http is null)
        {
            _ownedHttp = http = new HttpClient { Timeout = TimeSpan.FromSeconds(60), MaxResponseContentBufferSize = 64 * 1024 * 1024 };
            http.DefaultRequestHeaders.UserAgent.ParseAdd("heal/0.1");
        }

        _client = new SentryApiClient(http, options, _time);
    }

    public string Name => $"sentry:{_options.BaseUrl.GetLeftPart(UriPartial.Authority)}/{_options.Organization}/{_options.Project}";

    /// <summary>The project's issues matching <see cref="SentryApiOptions.Query"/>, most recently seen first, page after page.</summary>
    public async Task<IReadOnlyList<ErrorGroup>> ListGroupsAsync(int limit, CancellationToken cancellationToken)
    {
        var groups = new List<ErrorGroup>();
        string? cursor = null;
        for (var page = 0; page < _options.MaxPages && groups.Count < limit; page++)
        {
            var url = $"api/0/projects/{Escape(_options.Organization)}/{Escape(_options.Project)}/issues/?query={Escape(_options.Query)}&statsPeriod=&sort=date"
                + (cursor is null ? "" : "&cursor=" + Escape(cursor));
            var (body, link) = await _client.GetAsync(url, cancellationToken).ConfigureAwait(false);
            using var document = Parse(body, "the issue list");
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new SentryApiException("the issue list is not a JSON array; is the base URL a Sentry API?");
            }

            foreach (var issue in document.RootElement.EnumerateArray())
            {
                if (SentryApiMapping.ToGroup(issue) is { } group && groups.Count < limit)
                {
                    groups.Add(group);
                }
            }

            cursor = SentryLinkHeader.NextCursor(link);
            if (cursor is null || document.RootElement.GetArrayLength() == 0)
            {
                break;
            }
        }

        return groups;
    }

    /// <summary>The issue's latest event; null when the backend knows no such issue (404) or the event is unreadable.</summary>
    public async Task<ErrorEvent?> GetLatestEventAsync(string groupId, CancellationToken cancellationToken)
    {
        byte[] body;
        try
        {
            (body, _) = await _client.GetAsync($"api/0/issues/{Escape(groupId)}/events/latest/", cancellationToken).ConfigureAwait(false);
        }
        catch (SentryApiException e) when (e.StatusCode == 404)
        {
            return null;
        }

        using var document = Parse(body, "the latest event");
        var json = SentryApiMapping.ToEventJson(document.RootElement);
        return json is null ? null : EventParsing.Parse(Encoding.UTF8.GetBytes(json), _time.GetUtcNow()).Value;
    }

    /// <summary>
    /// Polls the issue list every <see cref="SentryApiOptions.PollInterval"/>; for each issue that is new or whose count or
    /// last-seen time grew since the previous poll, yields its latest event (once per event id). The first poll only
    /// records where things stand, so only events after the call are yielded. Ends quietly when cancelled; an API failure
    /// (<see cref="SentryApiException"/>) ends it with that exception.
    /// </summary>
    public async IAsyncEnumerable<ErrorEvent> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, (long Count, DateTimeOffset LastSeen)>(StringComparer.Ordinal);
        var yielded = new HashSet<string>(StringComparer.Ordinal);
        var first = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            var changed = new List<ErrorEvent>();
            try
            {
                if (!first)
                {
                    await Task.Delay(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
                }

                var groups = await ListGroupsAsync(_options.MaxPages * PageSize, cancellationToken).ConfigureAwait(false);
                foreach (var group in groups.OrderBy(g => g.LastSeen))
                {
                    if (known.TryGetValue(group.Id, out var seen) && group.Count <= seen.Count && group.LastSeen <= seen.LastSeen)
                    {
                        continue;
                    }

                    known[group.Id] = (group.Count, group.LastSeen);
                    if (!first && await GetLatestEventAsync(group.Id, cancellationToken).ConfigureAwait(false) is { } latest && yielded.Add(latest.Id))
                    {
                        changed.Add(latest);
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                yield break;
            }

            first = false;
            foreach (var latest in changed)
            {
                yield return latest;
            }
        }
    }

    public void Dispose() => _ownedHttp?.Dispose();

    private static JsonDocument Parse(byte[] body, string what)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new SentryApiException($"{what} is not JSON: {e.Message}", null, e);
        }
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
