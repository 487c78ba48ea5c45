using System.Net;
using System.Text;
using Heal.Core.Scrubbing;
using Heal.Feed.Receiver;
using Heal.Feed.Tests.Fixtures;
using Sentry;
using static Heal.Feed.Tests.Fixtures.SentryPayloads;

namespace Heal.Feed.Tests;

/// <summary>
/// Scrubbing before storage (issue 17, item 4): events reach the store with secrets replaced by <c>[Filtered]</c>, the
/// real .NET SDK as the client included; <c>--no-scrub</c> stores them as sent (which also proves the SDK sent them), and
/// <c>--scrub-field</c> adds names. Grouping is unaffected.
/// </summary>
public sealed class ScrubbingTests
{
    private static readonly string[] s_secrets = ["hunter2", "4111 1111 1111 1111", "sk_live_51Hx", "Bearer eyJhbGciOi.e30.sig", "sess=8f1c", "DE89370400440532013000"];

    [Fact]
    public async Task DotnetSdk_EventWithSecrets_IsStoredScrubbed()
    {
        var stored = await CaptureWithSdkAsync(scrub: true);
        foreach (var secret in s_secrets)
        {
            Assert.DoesNotContain(secret, stored.RawJson, StringComparison.Ordinal);
        }

        Assert.Contains("[Filtered]", stored.RawJson, StringComparison.Ordinal);
        var exception = Assert.Single(stored.Exceptions);
        Assert.Equal("System.InvalidOperationException", exception.Type);
        Assert.Equal("payment with card [Filtered] refused", exception.Value);
        Assert.Contains(exception.Frames, f => f.Function?.Contains(nameof(ChargeCard), StringComparison.Ordinal) == true);
        Assert.Equal("text/html", stored.Request!.Headers["Accept"]);
        Assert.Contains("\"upstream\":\"GET /v1/charges with ", stored.RawJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DotnetSdk_NoScrub_StoresWhatTheSdkSent()
    {
        var stored = await CaptureWithSdkAsync(scrub: false);
        foreach (var secret in s_secrets)
        {
            Assert.Contains(secret, stored.RawJson, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Post_ScrubField_FiltersThatNameToo()
    {
        await using var feed = await FeedHarness.StartAsync(new FeedServerOptions(IPAddress.Loopback, 0, Scrub: new ScrubOptions(["ssn"])));
        var id = NewId();
        var json = WithMembers(DotNetEvent(id), "\"extra\":{\"customer_ssn\":\"078-05-1120\",\"plan\":\"gold\"}}");
        Assert.Equal(200, (await feed.PostAsync("/api/1/store/", Encoding.UTF8.GetBytes(json))).Status);
        var raw = (await LatestAsync(feed)).RawJson!;
        Assert.Contains("\"customer_ssn\":\"[Filtered]\"", raw, StringComparison.Ordinal);
        Assert.Contains("\"plan\":\"gold\"", raw, StringComparison.Ordinal);
        Assert.Equal(1, feed.Server.Metrics.ScrubbedValues);
    }

    [Fact]
    public async Task Post_EventWithoutSecrets_IsStoredByteForByte()
    {
        await using var feed = await FeedHarness.StartAsync();
        var id = NewId();
        var json = DotNetEvent(id);
        Assert.Equal(200, (await feed.PostAsync("/api/1/envelope/", Gzip(Envelope(json, id)), "gzip")).Status);
        Assert.Equal(json, (await LatestAsync(feed)).RawJson);
        Assert.Equal(0, feed.Server.Metrics.ScrubbedValues);
    }

    [Fact]
    public async Task Post_SameErrorWithAndWithoutSecrets_GroupsTogether()
    {
        await using var feed = await FeedHarness.StartAsync();
        var plain = NewId();
        var secret = NewId();
        Assert.Equal(200, (await feed.PostAsync("/api/1/store/", Encoding.UTF8.GetBytes(DotNetEvent(plain)))).Status);
        var withSecret = WithMembers(DotNetEvent(secret), "\"request\":{\"headers\":{\"Cookie\":\"sess=8f1c\"},\"data\":{\"password\":\"hunter2\"}}}");
        Assert.Equal(200, (await feed.PostAsync("/api/1/store/", Encoding.UTF8.GetBytes(withSecret))).Status);
        var group = Assert.Single(await feed.Store.ListGroupsAsync(10, CancellationToken.None));
        Assert.Equal(2, group.Count);
    }

    /// <summary>
    /// The real .NET SDK (in this process, its own HTTP transport) reports an exception whose message, request, extra data,
    /// tags and breadcrumbs carry one secret of each kind; returns the event as the store kept it.
    /// </summary>
    private static async Task<Heal.Core.Model.ErrorEvent> CaptureWithSdkAsync(bool scrub)
    {
        await using var feed = await FeedHarness.StartAsync(new FeedServerOptions(IPAddress.Loopback, 0, Key: "0123456789abcdef0123456789abcdef", ScrubEvents: scrub));
        var options = new SentryOptions
        {
            Dsn = feed.Server.Dsn("0123456789abcdef0123456789abcdef"),
            Release = "shop@2.0.0",
            AutoSessionTracking = false,
            IsGlobalModeEnabled = false,
            SendClientReports = false,
            // Sends what the SDK would otherwise leave out (cookies, user); it redacts an Authorization header itself either
            // way, which is why the bearer token travels in extra data below.
            SendDefaultPii = true,
        };
        var client = new SentryClient(options);
        var scope = new Scope(options);
        scope.AddBreadcrumb("POST /login password=hunter2", "http");
        scope.SetExtra("stripe_api_key", "sk_live_51Hx");
        scope.SetExtra("refund_iban", "DE89370400440532013000");
        scope.SetExtra("upstream", "GET /v1/charges with Bearer eyJhbGciOi.e30.sig answered 401");
        scope.SetTag("session", "sess=8f1c");
        scope.Request = new SentryRequest
        {
            Url = "https://shop.example/pay",
            Method = "POST",
            QueryString = "token=sk_live_51Hx",
            Headers = { ["Authorization"] = "Bearer eyJhbGciOi.e30.sig", ["Cookie"] = "sess=8f1c", ["Accept"] = "text/html" },
        };
        try
        {
            ChargeCard("4111 1111 1111 1111");
        }
        catch (InvalidOperationException e)
        {
            client.CaptureEvent(new SentryEvent(e), scope);
        }

        await client.FlushAsync(TimeSpan.FromSeconds(30));
        return await LatestAsync(feed);
    }

    /// <summary>The event's JSON with more top-level members appended (<paramref name="members"/> ends with the closing brace).</summary>
    private static string WithMembers(string json, string members) => json[..json.LastIndexOf('}')] + "," + members;

    private static void ChargeCard(string card) => throw new InvalidOperationException($"payment with card {card} refused");

    private static async Task<Heal.Core.Model.ErrorEvent> LatestAsync(FeedHarness feed)
    {
        var group = Assert.Single(await feed.Store.ListGroupsAsync(10, CancellationToken.None));
        return (await feed.Store.GetLatestEventAsync(group.Id, CancellationToken.None))!;
    }
}
