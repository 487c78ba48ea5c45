using Heal.Core.Model;
using Heal.Feed.Sources;
using Heal.Testing;

namespace Heal.Feed.Tests.Sources;

/// <summary>
/// The importer against a real HTTP server on loopback that answers with Sentry's documented response shapes
/// (the fixtures under <c>Sources/Fixtures</c>) and records every request it receives.
/// </summary>
public sealed class SentryApiErrorSourceTests
{
    private const string Token = "sntrys_test-token-0123456789";
    private const string IssuesPath = "/api/0/projects/acme/shop/issues/";
    private const string LatestPath = "/api/0/issues/4211/events/latest/";
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ListGroupsAsync_TwoPages_FollowsCursorWithBearerToken()
    {
        await using var api = await LoopbackSentryApi.StartAsync(LoopbackSentryApi.ByPath(
            (IssuesPath, ScriptedResponse.Fixture("issues-page1.json", ("Link", Link("0:100:0", next: true)))),
            (IssuesPath, ScriptedResponse.Fixture("issues-page2.json", ("Link", Link("0:200:0", next: false))))));
        using var source = Source(api);

        var groups = await source.ListGroupsAsync(50, CancellationToken.None);

        Assert.Equal(["4211", "4198", "3977"], groups.Select(g => g.Id));
        Assert.Equal(2, api.Requests.Count);
        Assert.All(api.Requests, r => Assert.Equal(("GET", IssuesPath, "Bearer " + Token), (r.Method, r.Path, r.Authorization)));
        Assert.All(api.Requests, r => Assert.Equal("is:unresolved", r.Query["query"]));
        Assert.False(api.Requests[0].Query.ContainsKey("cursor"));
        Assert.Equal("0:100:0", api.Requests[1].Query["cursor"]);
    }

    [Fact]
    public async Task ListGroupsAsync_DocumentedIssues_MapsFieldsAndStatuses()
    {
        await using var api = await LoopbackSentryApi.StartAsync(LoopbackSentryApi.ByPath(
            (IssuesPath, ScriptedResponse.Fixture("issues-page1.json", ("Link", Link("0:100:0", next: true)))),
            (IssuesPath, ScriptedResponse.Fixture("issues-page2.json"))));
        using var source = Source(api);

        var groups = await source.ListGroupsAsync(50, CancellationToken.None);

        var nre = groups[0];
        Assert.Equal(("System.NullReferenceException", "Object reference not set to an instance of an object.", 150L, GroupStatus.Open),
            (nre.Type, nre.Message, nre.Count, nre.Status));
        Assert.Equal(("PricingService.cs", "decimal PricingService.Total(Order order)"), (nre.TopFrame?.File, nre.TopFrame?.Function));
        Assert.Equal(DateTimeOffset.Parse("2026-11-27T21:40:10Z", System.Globalization.CultureInfo.InvariantCulture), nre.LastSeen);
        Assert.Equal((3L, GroupStatus.Resolved), (groups[1].Count, groups[1].Status));
        Assert.Equal(("Payment provider timed out", GroupStatus.Regressed, null), (groups[2].Type, groups[2].Status, groups[2].TopFrame));
    }

    [Fact]
    public async Task ListGroupsAsync_LimitReachedOnFirstPage_DoesNotFetchNextPage()
    {
        await using var api = await LoopbackSentryApi.StartAsync(LoopbackSentryApi.ByPath(
            (IssuesPath, ScriptedResponse.Fixture("issues-page1.json", ("Link", Link("0:100:0", next: true))))));
        using var source = Source(api);

        var groups = await source.ListGroupsAsync(1, CancellationToken.None);

        Assert.Equal("4211", Assert.Single(groups).Id);
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task GetLatestEventAsync_DocumentedEventShape_MapsExceptionFramesAndTags()
    {
        await using var api = await LoopbackSentryApi.StartAsync(LoopbackSentryApi.ByPath(
            (LatestPath, ScriptedResponse.Fixture("latest-event-4211.json"))));
        using var source = Source(api);

        var latest = await source.GetLatestEventAsync("4211", CancellationToken.None);

        Assert.NotNull(latest);
        Assert.Equal(("6f1c2bd0a9e54b8c9d0e1f2a3b4c5d6e", "csharp", "order-service@1.4.2", "production", "shop-web-3"),
            (latest.Id, latest.Platform, latest.Release, latest.Environment, latest.ServerName));
        var exception = Assert.Single(latest.Exceptions);
        Assert.Equal(("System.NullReferenceException", "Object reference not set to an instance of an object."), (exception.Type, exception.Value));
        Assert.Equal(2, exception.Frames.Length);
        var frame = exception.ThrowingFrame!;
        Assert.Equal(("PricingService.cs", "/src/shop/src/OrderService/PricingService.cs", "decimal PricingService.Total(Order order)", 43, 9, true),
            (frame.File, frame.AbsolutePath, frame.Function, frame.Line, frame.Column, frame.InApp));
        Assert.Equal("        var discount = subtotal * customer.Discount.Rate;", frame.ContextLine);
        // The SDK-shaped JSON the event was rebuilt as: camel-case frame fields and [[line, text]] context converted.
        using var raw = System.Text.Json.JsonDocument.Parse(latest.RawJson!);
        var rawFrame = raw.RootElement.GetProperty("exception").GetProperty("values")[0].GetProperty("stacktrace").GetProperty("frames")[1];
        Assert.Equal(9, rawFrame.GetProperty("colno").GetInt32());
        Assert.Equal("        var discount = subtotal * customer.Discount.Rate;", rawFrame.GetProperty("context_line").GetString());
        Assert.Equal(2, rawFrame.GetProperty("pre_context").GetArrayLength());
        Assert.Equal(2, rawFrame.GetProperty("post_context").GetArrayLength());
        Assert.Equal("error", raw.RootElement.GetProperty("level").GetString());
        Assert.Equal("GET", raw.RootElement.GetProperty("request").GetProperty("method").GetString());
        Assert.Equal("currency=EUR", raw.RootElement.GetProperty("request").GetProperty("query_string").GetString());
        Assert.Equal(DateTimeOffset.Parse("2026-11-27T21:40:10.417Z", System.Globalization.CultureInfo.InvariantCulture), latest.Timestamp);
        Assert.Equal("/api/0/issues/4211/events/latest/", Assert.Single(api.Requests).Path);
        Assert.Equal("Bearer " + Token, api.Requests[0].Authorization);
    }

    [Fact]
    public async Task GetLatestEventAsync_UnknownIssue_ReturnsNull()
    {
        await using var api = await LoopbackSentryApi.StartAsync(LoopbackSentryApi.ByPath());
        using var source = Source(api);

        Assert.Null(await source.GetLatestEventAsync("999", CancellationToken.None));
    }

    [Fact]
    public async Task GetLatestEventAsync_TooManyRequestsOnce_WaitsRetryAfterThenSucceeds()
    {
        await using var api = await LoopbackSentryApi.StartAsync(LoopbackSentryApi.ByPath(
            (LatestPath, ScriptedResponse.WithStatus(429, """{"detail":"You are attempting to use this endpoint too frequently."}""", ("Retry-After", "1"))),
            (LatestPath, ScriptedResponse.Fixture("latest-event-4211.json"))));
        using var source = Source(api);

        var latest = await source.GetLatestEventAsync("4211", CancellationToken.None);

        Assert.Equal("6f1c2bd0a9e54b8c9d0e1f2a3b4c5d6e", latest?.Id);
        Assert.Equal(2, api.Requests.Count);
        // A lower bound only: the retry must not come before the server said it may.
        Assert.True(api.Requests[1].At - api.Requests[0].At >= TimeSpan.FromSeconds(0.95), $"retried after {api.Requests[1].At - api.Requests[0].At}");
    }

    [Fact]
    public async Task GetLatestEventAsync_RetryAfterLongerThanAllowed_FailsWithoutWaiting()
    {
        await using var api = await LoopbackSentryApi.StartAsync(LoopbackSentryApi.ByPath(
            (LatestPath, ScriptedResponse.WithStatus(429, """{"detail":"slow down"}""", ("Retry-After", "3600")))));
        using var source = Source(api, o => o with { MaxRateLimitWait = TimeSpan.FromSeconds(5) });

        var error = await Assert.ThrowsAsync<SentryApiException>(() => source.GetLatestEventAsync("4211", CancellationToken.None));

        Assert.Equal(429, error.StatusCode);
        Assert.Contains("3600 s", error.Message);
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task GetLatestEventAsync_CancelledDuringRateLimitWait_StopsWaiting()
    {
        await using var api = await LoopbackSentryApi.StartAsync(LoopbackSentryApi.ByPath(
            (LatestPath, ScriptedResponse.WithStatus(429, "{}", ("Retry-After", "50")))));
        using var source = Source(api);
        using var cancel = new CancellationTokenSource();
        var requested = api.NextRequest();

        var call = source.GetLatestEventAsync("4211", cancel.Token);
        await requested.WaitAsync(s_deadline);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(s_deadline));
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task ListGroupsAsync_RemainingZero_NextRequestWaitsForReset()
    {
        // The window resets 1.5 s after the server answers the first page, whatever the machine's load.
        var pages = 0;
        var resets = new List<DateTimeOffset>();
        await using var api = await LoopbackSentryApi.StartAsync(request =>
        {
            if (Interlocked.Increment(ref pages) > 1)
            {
                return ScriptedResponse.Fixture("issues-page2.json");
            }

            var reset = DateTimeOffset.UtcNow.AddSeconds(1.5);
            resets.Add(reset);
            return ScriptedResponse.Fixture("issues-page1.json",
                ("Link", Link("0:100:0", next: true)),
                ("X-Sentry-Rate-Limit-Limit", "40"),
                ("X-Sentry-Rate-Limit-Remaining", "0"),
                ("X-Sentry-Rate-Limit-Reset", (reset.ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)));
        });
        using var source = Source(api);

        await source.ListGroupsAsync(50, CancellationToken.None);

        Assert.Equal(2, api.Requests.Count);
        Assert.True(api.Requests[1].At >= resets[0].AddMilliseconds(-50), $"second request at {api.Requests[1].At:O}, window reset at {resets[0]:O}");
    }

    [Fact]
    public async Task ListGroupsAsync_Unauthorized_ExplainsWithoutTheToken()
    {
        await using var api = await LoopbackSentryApi.StartAsync(LoopbackSentryApi.ByPath(
            (IssuesPath, ScriptedResponse.WithStatus(401, $$"""{"detail":"Invalid token: {{Token}}"}"""))));
        using var source = Source(api);

        var error = await Assert.ThrowsAsync<SentryApiException>(() => source.ListGroupsAsync(10, CancellationToken.None));

        Assert.Equal(401, error.StatusCode);
        Assert.Contains("401", error.Message);
        Assert.Contains("Invalid token", error.Message);
        Assert.DoesNotContain(Token, error.ToString());
        Assert.DoesNotContain(Token, source.Name);
    }

    [Fact]
    public async Task WatchAsync_IssueSeenAgain_YieldsItsLatestEvent()
    {
        var polls = 0;
        var issuesBefore = File.ReadAllText(FixturePath("issues-page1.json"));
        var issuesAfter = issuesBefore.Replace("\"count\": \"150\"", "\"count\": \"151\"", StringComparison.Ordinal);
        await using var api = await LoopbackSentryApi.StartAsync(request => request.Path switch
        {
            IssuesPath => ScriptedResponse.Json(Interlocked.Increment(ref polls) == 1 ? issuesBefore : issuesAfter),
            LatestPath => ScriptedResponse.Fixture("latest-event-4211.json"),
            _ => ScriptedResponse.WithStatus(404, """{"detail":"not found"}"""),
        });
        using var source = Source(api, o => o with { PollInterval = TimeSpan.FromMilliseconds(50) });
        await using var watch = StartedWatch.Start(source);

        var next = await watch.NextAsync(s_deadline);

        Assert.Equal("6f1c2bd0a9e54b8c9d0e1f2a3b4c5d6e", next.Id);
        Assert.Equal(LatestPath, api.Requests.Single(r => r.Path != IssuesPath).Path);
    }

    [Theory]
    [InlineData("<https://s/api/0/x/?cursor=0:0:1>; rel=\"previous\"; results=\"false\"; cursor=\"0:0:1\", <https://s/api/0/x/?cursor=0:100:0>; rel=\"next\"; results=\"true\"; cursor=\"0:100:0\"", "0:100:0")]
    [InlineData("<https://s/api/0/x/?cursor=0:0:1>; rel=\"previous\"; results=\"false\"; cursor=\"0:0:1\", <https://s/api/0/x/?cursor=0:100:0>; rel=\"next\"; results=\"false\"; cursor=\"0:100:0\"", null)]
    [InlineData("<https://s/api/0/x/?a=1,2>; rel=\"next\"; results=\"true\"; cursor=\"1700000000000:0:0\"", "1700000000000:0:0")]
    [InlineData("", null)]
    [InlineData("garbage", null)]
    public void NextCursor_LinkHeader_ReadsNextCursorOnlyWhenItHasResults(string header, string? expected)
    {
        Assert.Equal(expected, SentryLinkHeader.NextCursor(header));
    }

    private static SentryApiErrorSource Source(LoopbackSentryApi api, Func<SentryApiOptions, SentryApiOptions>? configure = null)
    {
        var options = new SentryApiOptions(api.BaseUrl, "acme", "shop", Token);
        return new SentryApiErrorSource(configure is null ? options : configure(options));
    }

    private static string Link(string cursor, bool next) =>
        $"<http://sentry.example/api/0/projects/acme/shop/issues/?cursor=0:0:1>; rel=\"previous\"; results=\"false\"; cursor=\"0:0:1\", " +
        $"<http://sentry.example/api/0/projects/acme/shop/issues/?cursor={cursor}>; rel=\"next\"; results=\"{(next ? "true" : "false")}\"; cursor=\"{cursor}\"";

    private static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Sources", "Fixtures", name);
}
