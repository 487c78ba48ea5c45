using System.Net;
using System.Text;
using Heal.Feed.Receiver;
using Heal.Feed.Tests.Fixtures;
using static Heal.Feed.Tests.Fixtures.SentryPayloads;

namespace Heal.Feed.Tests.Security;

/// <summary>
/// Issue 11, item 4: any web page the developer opens could post events to a keyless local feed (a <c>text/plain</c>
/// POST needs no preflight), and a DNS-rebinding page could reach it under its own host name. Each attack as the
/// browser sends it: refused with 403, nothing stored, and the feed still serves its SDKs.
/// </summary>
public sealed class BrowserAttackTests
{
    private static async Task CheckRefusedAsync(Dictionary<string, string> headers, string error, string detailContains, IReadOnlyList<string>? allowedOrigins = null)
    {
        // No key at all, the case the issue found: only the origin and host checks stand between the page and the store.
        await using var feed = await FeedHarness.StartAsync(new FeedServerOptions(IPAddress.Loopback, 0, AllowedOrigins: allowedOrigins));
        var id = NewId();
        var answer = await feed.PostAsync("/api/1/store/", Encoding.UTF8.GetBytes(DotNetEvent(id)), contentType: "text/plain;charset=UTF-8", headers: headers);
        Assert.True(answer.Status == 403, $"expected 403, got {answer.Status} {answer.Body}");
        Assert.Equal(error, answer.Error);
        Assert.Contains(detailContains, answer.Detail, StringComparison.Ordinal);
        Assert.Null(answer.AllowOrigin);
        Assert.Equal(0, await feed.CountEventsAsync());
        await feed.AssertStillServesAsync();
    }

    [Fact]
    public async Task Post_CrossSiteTextPlainFromAForeignPage_Is403() =>
        await CheckRefusedAsync(new() { ["Origin"] = "https://evil.example" }, "forbidden origin", "--allow-origin https://evil.example");

    [Fact]
    public async Task Post_OpaqueOriginFromASandboxedFrameOrFile_Is403() =>
        await CheckRefusedAsync(new() { ["Origin"] = "null" }, "forbidden origin", "Origin 'null'");

    [Fact]
    public async Task Post_OriginNotTheOneAllowed_Is403() =>
        await CheckRefusedAsync(new() { ["Origin"] = "https://app.example.evil.example" }, "forbidden origin", "refused", ["https://app.example"]);

    [Fact]
    public async Task Post_DnsRebindingHostName_Is403() =>
        await CheckRefusedAsync(new() { ["Host"] = "rebind.attacker.example:8977" }, "forbidden host", "Host 'rebind.attacker.example:8977'");

    [Fact]
    public async Task Post_RebindingHostEvenWithAnAllowedOrigin_Is403() =>
        await CheckRefusedAsync(new() { ["Host"] = "attacker.example", ["Origin"] = "https://app.example" }, "forbidden host", "loopback", ["https://app.example"]);

    [Fact]
    public async Task Post_LocalhostAndLoopbackHosts_AreServed()
    {
        await using var feed = await FeedHarness.StartAsync(new FeedServerOptions(IPAddress.Loopback, 0));
        foreach (var host in (string[])["localhost:8977", "LOCALHOST", "127.0.0.1:1", "127.0.0.1"])
        {
            var id = NewId();
            var answer = await feed.PostAsync("/api/1/envelope/", Envelope(DotNetEvent(id), id), headers: new Dictionary<string, string> { ["Host"] = host });
            Assert.True(answer.Status == 200, $"Host {host}: {answer.Status} {answer.Body}");
        }
    }

    [Fact]
    public async Task Post_AllowedOrigin_IsStoredAndTheBrowserMayReadTheAnswer()
    {
        await using var feed = await FeedHarness.StartAsync(new FeedServerOptions(IPAddress.Loopback, 0, Key: "0123456789abcdef", AllowedOrigins: ["https://App.Example/"]));
        var id = NewId();
        var answer = await feed.PostAsync("/api/1/envelope/?sentry_key=0123456789abcdef", Envelope(DotNetEvent(id), id), contentType: "text/plain;charset=UTF-8",
            headers: new Dictionary<string, string> { ["Origin"] = "https://app.example" });
        Assert.Equal((200, id, "https://app.example"), (answer.Status, answer.Id, answer.AllowOrigin));
        Assert.Equal(1, await feed.CountEventsAsync());
    }

    [Fact]
    public async Task Options_PreflightOfAnAllowedOrigin_Is204WithCorsHeaders()
    {
        await using var feed = await FeedHarness.StartAsync(new FeedServerOptions(IPAddress.Loopback, 0, AllowedOrigins: ["https://app.example"]));
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/1/envelope/");
        request.Headers.TryAddWithoutValidation("Origin", "https://app.example");
        request.Headers.TryAddWithoutValidation("Access-Control-Request-Method", "POST");
        using var response = await feed.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("https://app.example", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("x-sentry-auth", response.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_PreflightOfAForeignOrigin_Is403()
    {
        await using var feed = await FeedHarness.StartAsync(new FeedServerOptions(IPAddress.Loopback, 0));
        var answer = await feed.PostAsync("/api/1/envelope/", [], method: "OPTIONS", headers: new Dictionary<string, string> { ["Origin"] = "https://evil.example" });
        Assert.Equal((403, "forbidden origin"), (answer.Status, answer.Error));
    }
}
