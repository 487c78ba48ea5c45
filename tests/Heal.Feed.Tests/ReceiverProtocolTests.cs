using System.IO.Compression;
using System.Text;
using Heal.Feed.Tests.Fixtures;
using static Heal.Feed.Tests.Fixtures.SentryPayloads;

namespace Heal.Feed.Tests;

/// <summary>Every way a real SDK posts an event: endpoint, encoding, framing, auth, content type.</summary>
public sealed class ReceiverProtocolTests
{
    private const string Key = "0123456789abcdef0123456789abcdef";

    /// <summary>Posts one event the way <paramref name="variant"/> says and checks it is acknowledged by id and stored.</summary>
    private static async Task CheckStoredAsync(string variant, string? receiverKey = null)
    {
        await using var feed = await FeedHarness.StartAsync(receiverKey);
        var id = NewId();
        var json = DotNetEvent(id);
        var envelope = Envelope(json, id);
        var auth = $"Sentry sentry_version=7,sentry_client=sentry.dotnet/6.12.1,sentry_key={Key}";
        FeedAnswer answer = variant switch
        {
            "envelope gzip" => await feed.PostAsync("/api/1/envelope/", Gzip(envelope), "gzip", auth),
            "envelope deflate zlib" => await feed.PostAsync("/api/1/envelope/", Zlib(envelope), "deflate", auth),
            "envelope deflate raw" => await feed.PostAsync("/api/1/envelope/", RawDeflate(envelope), "deflate", auth),
            "envelope br" => await feed.PostAsync("/api/1/envelope/", Brotli(envelope), "br", auth),
            "envelope none" => await feed.PostAsync("/api/1/envelope/", envelope, null, auth),
            "envelope no slash" => await feed.PostAsync("/api/1/envelope", envelope, null, auth),
            "envelope chunked" => await feed.PostAsync("/api/1/envelope/", envelope, null, auth, chunked: true),
            "envelope chunked gzip" => await feed.PostAsync("/api/1/envelope/", Gzip(envelope), "gzip", auth, chunked: true),
            "envelope without length" => await feed.PostAsync("/api/42/envelope/", Envelope(json, id, withLength: false), null, auth),
            "envelope with sessions first" => await feed.PostAsync("/api/1/envelope/", Envelope(json, id, true,
                ("{\"type\":\"session\"}", "{\"sid\":\"1\",\"status\":\"ok\"}"),
                ("{\"type\":\"client_report\",\"length\":2}", "{}"),
                ("{\"type\":\"attachment\",\"length\":5,\"filename\":\"log.txt\"}", "a\nb\nc")), null, auth),
            "store plain" => await feed.PostAsync("/api/1/store/", Encoding.UTF8.GetBytes(json), null, auth),
            "store gzip" => await feed.PostAsync("/api/1/store/", Gzip(Encoding.UTF8.GetBytes(json)), "gzip", auth, "application/json"),
            "store no slash" => await feed.PostAsync("/api/1/store", Encoding.UTF8.GetBytes(json), null, auth),
            "auth comma space" => await feed.PostAsync("/api/1/store/", Encoding.UTF8.GetBytes(json), null, $"Sentry sentry_key={Key}, sentry_version=7, sentry_client=sentry.python/1.9.10"),
            "auth no space" => await feed.PostAsync("/api/1/envelope/", envelope, null, $"Sentry sentry_version=7,sentry_key={Key}"),
            "auth query" => await feed.PostAsync($"/api/1/envelope/?sentry_version=7&sentry_key={Key}&sentry_client=sentry.javascript.node/11.12.0", envelope),
            "content type none" => await feed.PostAsync("/api/1/envelope/", envelope, null, auth),
            "content type envelope" => await feed.PostAsync("/api/1/envelope/", envelope, null, auth, "application/x-sentry-envelope"),
            "content type text" => await feed.PostAsync("/api/1/envelope/", envelope, null, auth, "text/plain;charset=UTF-8"),
            "content type nonsense" => await feed.PostAsync("/api/1/envelope/", envelope, null, auth, "image/png"),
            _ => throw new ArgumentOutOfRangeException(nameof(variant), variant, null),
        };

        Assert.True(answer.Status == 200, $"{variant}: {answer.Status} {answer.Body}");
        Assert.Equal(id, answer.Id);
        Assert.Equal("application/json", answer.ContentType?.MediaType);
        var group = Assert.Single(await feed.Store.ListGroupsAsync(10, CancellationToken.None));
        Assert.Equal(id, group.LatestEventId);
        Assert.Equal(1, await feed.CountEventsAsync());

        // Only a receiver that checked the key may call the event authenticated: auto-merge relies on it.
        var stored = await feed.Store.GetLatestStoredEventAsync(group.Id, CancellationToken.None);
        Assert.Equal(receiverKey is not null, stored!.Authenticated);
    }

    [Theory]
    [InlineData("envelope gzip")]
    [InlineData("envelope deflate zlib")]
    [InlineData("envelope deflate raw")]
    [InlineData("envelope br")]
    [InlineData("envelope none")]
    [InlineData("envelope no slash")]
    [InlineData("envelope chunked")]
    [InlineData("envelope chunked gzip")]
    [InlineData("envelope without length")]
    [InlineData("envelope with sessions first")]
    [InlineData("store plain")]
    [InlineData("store gzip")]
    [InlineData("store no slash")]
    public async Task Post_EndpointAndEncoding_StoresTheEvent(string variant) => await CheckStoredAsync(variant);

    [Theory]
    [InlineData("auth comma space")]
    [InlineData("auth no space")]
    [InlineData("auth query")]
    public async Task Post_KeyInEachPlaceSdksPutIt_IsAccepted(string variant) => await CheckStoredAsync(variant, receiverKey: Key);

    [Theory]
    [InlineData("content type none")]
    [InlineData("content type envelope")]
    [InlineData("content type text")]
    [InlineData("content type nonsense")]
    public async Task Post_AnyContentType_IsAccepted(string variant) => await CheckStoredAsync(variant);

    [Fact]
    public async Task Post_NoReceiverKey_AcceptsAnyKeyAndNone()
    {
        await using var feed = await FeedHarness.StartAsync();
        var id = NewId();
        Assert.Equal(200, (await feed.PostAsync("/api/1/store/", Encoding.UTF8.GetBytes(DotNetEvent(id)), auth: "Sentry sentry_key=whatever")).Status);
        Assert.Equal(200, (await feed.PostAsync("/api/1/store/", Encoding.UTF8.GetBytes(DotNetEvent(NewId())))).Status);
        Assert.Equal(2, await feed.CountEventsAsync());
    }

    [Fact]
    public async Task Post_EnvelopeWithoutEvent_AnswersTheHeaderIdAndStoresNothing()
    {
        await using var feed = await FeedHarness.StartAsync();
        var body = Encoding.UTF8.GetBytes("{\"event_id\":\"8d4d2a5e1f3b4c6d9e0f1a2b3c4d5e6f\",\"sent_at\":\"2026-01-01T00:00:00Z\"}\n{\"type\":\"session\"}\n{\"sid\":\"abc\",\"init\":true,\"status\":\"ok\"}\n");
        var answer = await feed.PostAsync("/api/1/envelope/", body);
        Assert.Equal(200, answer.Status);
        Assert.Equal("8d4d2a5e1f3b4c6d9e0f1a2b3c4d5e6f", answer.Id);
        Assert.Equal(0, await feed.CountEventsAsync());
    }

    [Fact]
    public async Task Post_SessionEnvelopeWithoutHeaderId_AnswersAGeneratedId()
    {
        await using var feed = await FeedHarness.StartAsync();
        var answer = await feed.PostAsync("/api/1/envelope/", Encoding.UTF8.GetBytes("{}\n{\"type\":\"sessions\"}\n{\"aggregates\":[]}\n"));
        Assert.Equal(200, answer.Status);
        Assert.Matches("^[0-9a-f]{32}$", answer.Id);
        Assert.Equal(0, await feed.CountEventsAsync());
    }

    [Fact]
    public async Task Post_SameEventTwice_IsStoredAndCountedOnce()
    {
        await using var feed = await FeedHarness.StartAsync();
        var id = NewId();
        var body = Gzip(Envelope(DotNetEvent(id), id));
        Assert.Equal(id, (await feed.PostAsync("/api/1/envelope/", body, "gzip")).Id);
        Assert.Equal(id, (await feed.PostAsync("/api/1/envelope/", body, "gzip")).Id);
        Assert.Equal(1, await feed.CountEventsAsync());
        Assert.Equal(1, Assert.Single(await feed.Store.ListGroupsAsync(10, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Post_EventWithUnreadableFields_IsStoredWithItsProblems()
    {
        await using var feed = await FeedHarness.StartAsync();
        var id = NewId();
        var json = DotNetEvent(id).Replace("\"level\":\"error\"", "\"level\":{\"not\":\"a string\"}", StringComparison.Ordinal);
        Assert.Equal(200, (await feed.PostAsync("/api/1/store/", Encoding.UTF8.GetBytes(json))).Status);
        var stored = Assert.Single(await feed.Store.GetEventsAfterAsync(0, 10, CancellationToken.None));
        Assert.Equal(id, stored.Event.Id);
        Assert.Contains(stored.Problems, p => p.Contains("level", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("GET", "/api/1/envelope/", 405, "method not allowed")]
    [InlineData("PUT", "/api/1/store/", 405, "method not allowed")]
    [InlineData("POST", "/api/1/events/", 404, "not found")]
    [InlineData("POST", "/", 404, "not found")]
    [InlineData("POST", "/api//envelope/", 404, "not found")]
    public async Task Send_WrongRouteOrMethod_AnswersJsonError(string method, string path, int status, string error)
    {
        await using var feed = await FeedHarness.StartAsync();
        var answer = await feed.PostAsync(path, Encoding.UTF8.GetBytes("{}"), method: method);
        Assert.Equal(status, answer.Status);
        Assert.Equal(error, answer.Error);
        Assert.Equal(0, await feed.CountEventsAsync());
    }

    private static byte[] Brotli(byte[] data)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(data);
        }

        return output.ToArray();
    }
}
