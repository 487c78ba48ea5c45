using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Heal.Core.Model;
using Heal.Feed.Protocol;
using Heal.Feed.Receiver;
using Heal.Feed.Sources;
using Heal.Feed.Store;
using Heal.Testing;
using static Heal.Feed.Tests.Fixtures.SentryPayloads;

namespace Heal.Feed.Tests.ReadApi;

/// <summary>
/// The feed's Sentry-style read API, read by Heal's own importer (<see cref="SentryApiErrorSource"/>, unchanged) against a
/// real receiver over a real PostgreSQL store, and probed directly for what it refuses.
/// </summary>
public sealed class SentryReadApiTests : IAsyncLifetime
{
    private const string ReadToken = "read-token-0123456789abcdef";
    private const string DsnKey = "dsnkey0123456789";

    private IErrorStore _store = null!;
    private FeedServer _feed = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.SharedAsync();
        _store = ErrorStores.Open(server.Url(await server.CreateDatabaseAsync("readapi")));
        _feed = await FeedServer.StartAsync(new FeedServerOptions(IPAddress.Loopback, 0, DsnKey, ReadToken: ReadToken), _store, CancellationToken.None);
        _http = new HttpClient { BaseAddress = _feed.Address };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _feed.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task Importer_MoreIssuesThanOnePage_FollowsTheLinkCursorsToEveryUnresolvedGroup()
    {
        // 230 groups: three pages of Sentry's 100; every fifth one resolved, which is:unresolved leaves out.
        var events = Enumerable.Range(0, 230).Select(i => StoredEvent($"{i:x16}", DateTimeOffset.UnixEpoch.AddDays(20000).AddSeconds(i / 2))).ToArray();
        await _store.AppendAsync(events, CancellationToken.None);
        for (var i = 0; i < 230; i += 5)
        {
            await _store.SetStatusAsync($"{i:x16}", GroupStatus.Resolved, CancellationToken.None);
        }

        var pages = new CountingHandler();
        using var importer = new SentryApiErrorSource(new SentryApiOptions(_feed.Address, "any-org", "1", ReadToken), new HttpClient(pages));

        var imported = await importer.ListGroupsAsync(1000, CancellationToken.None);

        var expected = (await _store.ListGroupsPageAsync([GroupStatus.Open, GroupStatus.Regressed], null, 1000, CancellationToken.None)).ToList();
        Assert.Equal(184, expected.Count);
        Assert.Equal(expected.Select(g => (g.Id, g.Count, g.FirstSeen, g.LastSeen, g.LastRelease, g.Status, g.Type, g.Message)),
            imported.Select(g => (g.Id, g.Count, g.FirstSeen, g.LastSeen, g.LastRelease, g.Status, g.Type, g.Message)));
        Assert.Equal(2, pages.Requests);
    }

    [Fact]
    public async Task Importer_LatestEventOfAGroupPostedByAnSdk_ReadsTheSameEventAsTheStore()
    {
        var id = NewId();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/1/envelope/") { Content = new ByteArrayContent(Envelope(RichEvent(id), id)) };
        post.Headers.TryAddWithoutValidation("X-Sentry-Auth", $"Sentry sentry_key={DsnKey}, sentry_version=7");
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(post)).StatusCode);
        var group = Assert.Single(await _store.ListGroupsAsync(10, CancellationToken.None));
        using var importer = new SentryApiErrorSource(new SentryApiOptions(_feed.Address, "team", "1", ReadToken));

        var imported = await importer.GetLatestEventAsync(group.Id, CancellationToken.None);

        var stored = (await _store.GetLatestEventAsync(group.Id, CancellationToken.None))!;
        Assert.NotNull(imported);
        Assert.Equal((stored.Id, stored.Timestamp, stored.Release, stored.Environment, stored.Message, stored.Platform),
            (imported.Id, imported.Timestamp, imported.Release, imported.Environment, imported.Message, imported.Platform));
        Assert.Equal(Describe(stored.Culprit!), Describe(imported.Culprit!));
        Assert.Equal(stored.Culprit!.Frames.Select(Context), imported.Culprit!.Frames.Select(Context));
        Assert.Equal((stored.ServerName, stored.Level, stored.Request?.Url, stored.Request?.Method, stored.User?.Id), (imported.ServerName, imported.Level, imported.Request?.Url, imported.Request?.Method, imported.User?.Id));
        Assert.Equal(stored.Tags.OrderBy(t => t.Key), imported.Tags.Where(t => stored.Tags.ContainsKey(t.Key)).OrderBy(t => t.Key));
        Assert.Equal(Fingerprint(stored), Fingerprint(imported));
        Assert.Null(await importer.GetLatestEventAsync("0123456789abcdef", CancellationToken.None));
    }

    [Theory]
    [InlineData(null, 401, "Authentication credentials were not provided.")]
    [InlineData("Bearer wrong-token-0123456789", 401, "Invalid token.")]
    [InlineData("Bearer " + DsnKey, 401, "Invalid token.")]
    [InlineData("Sentry sentry_key=" + DsnKey, 401, "Invalid token.")]
    public async Task IssueList_WithoutTheReadToken_Is401AndReadsNothing(string? authorization, int status, string detail)
    {
        await _store.AppendAsync([StoredEvent("00000000000000aa", DateTimeOffset.UtcNow)], CancellationToken.None);

        var (answerStatus, body) = await GetAsync("/api/0/projects/acme/1/issues/", authorization);

        Assert.Equal(status, answerStatus);
        Assert.Equal(detail, JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());
        Assert.DoesNotContain("00000000000000aa", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?query=assigned:me", "not 'assigned:me'")]
    [InlineData("?limit=101", "limit must be")]
    [InlineData("?cursor=garbage", "the cursor is not one this feed gave out")]
    [InlineData("?sort=freq", "not by 'freq'")]
    public async Task IssueList_QueryItCannotAnswer_Is400SayingWhy(string query, string detail)
    {
        var (status, body) = await GetAsync("/api/0/projects/acme/1/issues/" + query, "Bearer " + ReadToken);

        Assert.Equal(400, status);
        Assert.Contains(detail, JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueList_PostMethod_Is405()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/0/projects/acme/1/issues/") { Content = new StringContent("{}") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ReadToken);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await _http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Feed_WithoutReadToken_AnswersTheApiPaths404AndStillIngests()
    {
        await using var feed = await FeedServer.StartAsync(new FeedServerOptions(IPAddress.Loopback, 0), _store, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = feed.Address };
        foreach (var path in (string[])["/api/0/projects/acme/1/issues/", "/api/0/issues/00000000000000aa/events/latest/"])
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ReadToken);
            Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(request)).StatusCode);
        }

        var id = NewId();
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/api/1/store/", new StringContent(DotNetEvent(id)))).StatusCode);
    }

    private async Task<(int Status, string Body)> GetAsync(string path, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await _http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static NewEvent StoredEvent(string group, DateTimeOffset at)
    {
        var id = NewId();
        var json = DotNetEvent(id, timestamp: at, message: "failure in " + group);
        var parsed = EventParsing.Parse(Encoding.UTF8.GetBytes(json), at).Value!;
        return new NewEvent(id, group, group + "-fp", null, parsed.Culprit!.Type, parsed.Culprit.Value, at, at, parsed.Release,
            parsed.Culprit.ThrowingFrame, Encoding.UTF8.GetBytes(json), []);
    }

    /// <summary>A Node-SDK-shaped event: epoch timestamp, context lines, a request with headers and a query string, tags.</summary>
    private static string RichEvent(string id) => $$$"""
        {"event_id":"{{{id}}}","timestamp":1767225600.25,"platform":"node","level":"error","release":"web@2.0.1","environment":"staging",
         "server_name":"web-7","tags":{"region":"eu"},"user":{"id":"u-1"},
         "request":{"url":"https://shop.example/cart","method":"POST","query_string":"item=4&coupon=x%20y","headers":{"User-Agent":"curl/8"}},
         "exception":{"values":[{"type":"TypeError","value":"Cannot read properties of undefined (reading 'price')","mechanism":{"type":"onuncaughtexception","handled":false},
           "stacktrace":{"frames":[
             {"filename":"/app/node_modules/express/lib/router.js","function":"handle","lineno":95,"colno":5,"in_app":false},
             {"filename":"/app/src/cart.js","module":"cart","function":"total","lineno":12,"colno":21,"in_app":true,
              "pre_context":["function total(cart) {","  let sum = 0;"],"context_line":"  for (const i of cart.items) sum += i.product.price;","post_context":["  return sum;","}"]}]}}]}}
        """.ReplaceLineEndings("");

    private static object Describe(ExceptionInfo e) =>
        string.Join("|", e.Frames.Select(f => $"{f.File}:{f.AbsolutePath}:{f.Function}:{f.Module}:{f.Line}:{f.Column}:{f.InApp}")) + $"#{e.Type}:{e.Value}";

    private static string Context(StackFrame f) => $"{string.Join("\n", f.PreContext)}>{f.ContextLine}<{string.Join("\n", f.PostContext)}";

    private static string Fingerprint(ErrorEvent e) => Heal.Core.Grouping.Fingerprint.Compute(e).GroupId;

    private sealed class CountingHandler() : DelegatingHandler(new HttpClientHandler())
    {
        public int Requests { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
