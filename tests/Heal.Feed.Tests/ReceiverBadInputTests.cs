using System.Text;
using Heal.Feed.Tests.Fixtures;
using static Heal.Feed.Tests.Fixtures.SentryPayloads;

namespace Heal.Feed.Tests;

/// <summary>Hostile and broken requests: each gets its status and a precise message, nothing partial is stored, and the feed keeps serving.</summary>
public sealed class ReceiverBadInputTests
{
    private const string Key = "fedcba9876543210fedcba9876543210";

    /// <summary>Posts <paramref name="body"/>, checks the answer, that nothing was stored, and that a good event still goes through.</summary>
    private static async Task CheckRefusedAsync(byte[] body, string? encoding, int status, string error, string detailContains, string path = "/api/1/envelope/", string? key = null, string? auth = null)
    {
        await using var feed = await FeedHarness.StartAsync(key);
        var answer = await feed.PostAsync(path, body, encoding, auth);
        Assert.True(answer.Status == status, $"expected {status}, got {answer.Status} {answer.Body}");
        Assert.Equal(error, answer.Error);
        Assert.Contains(detailContains, answer.Detail, StringComparison.Ordinal);
        Assert.Equal(0, await feed.CountEventsAsync());
        Assert.Empty(await feed.Store.ListGroupsAsync(10, CancellationToken.None));
        if (key is not null)
        {
            var id = NewId();
            Assert.Equal(200, (await feed.PostAsync($"/api/1/envelope/?sentry_key={key}", Envelope(DotNetEvent(id), id))).Status);
            Assert.Equal(1, await feed.CountEventsAsync());
        }
        else
        {
            await feed.AssertStillServesAsync();
        }
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task Post_GarbageBytes_Is400() =>
        await CheckRefusedAsync(RandomBytes(4096, seed: 1), null, 400, "malformed envelope", "envelope header");

    [Fact]
    public async Task Post_GarbageBytesClaimingGzip_Is400BadGzip() =>
        await CheckRefusedAsync(RandomBytes(4096, seed: 2), "gzip", 400, "bad gzip", "not valid gzip data");

    [Fact]
    public async Task Post_TruncatedGzip_Is400BadGzip()
    {
        var id = NewId();
        var gzip = Gzip(Envelope(DotNetEvent(id), id));
        await CheckRefusedAsync(gzip[..(gzip.Length / 2)], "gzip", 400, "bad gzip", "truncated");
    }

    [Fact]
    public async Task Post_GzipMissingItsTrailer_Is400BadGzip()
    {
        var id = NewId();
        var gzip = Gzip(Envelope(DotNetEvent(id), id));
        await CheckRefusedAsync(gzip[..^4], "gzip", 400, "bad gzip", "truncated");
    }

    [Fact]
    public async Task Post_FiftyMebibyteBody_Is413() =>
        await CheckRefusedAsync(new byte[50 << 20], null, 413, "payload too large", "limit is 20971520 bytes");

    [Fact]
    public async Task Post_DecompressionBomb_Is413() =>
        await CheckRefusedAsync(Gzip(new byte[64 << 20]), "gzip", 413, "payload too large", "decompresses to more than the limit");

    [Fact]
    public async Task Post_WrongKey_Is401() =>
        await CheckRefusedAsync(Envelope(DotNetEvent(NewId()), null), null, 401, "unauthorized", "not this receiver's key", key: Key, auth: "Sentry sentry_key=nope, sentry_version=7");

    [Fact]
    public async Task Post_MissingKey_Is401() =>
        await CheckRefusedAsync(Envelope(DotNetEvent(NewId()), null), null, 401, "unauthorized", "no sentry_key", key: Key);

    [Fact]
    public async Task Post_EventNested200Deep_Is400()
    {
        var nested = new string('[', 200) + new string(']', 200);
        await CheckRefusedAsync(Utf8($"{{\"event_id\":\"{NewId()}\",\"extra\":{{\"deep\":{nested}}}}}"), null, 400, "invalid JSON", "depth", path: "/api/1/store/");
    }

    [Fact]
    public async Task Post_InvalidUtf8InEvent_Is400WithItsOffset()
    {
        var json = Utf8($"{{\"event_id\":\"{NewId()}\",\"message\":\"caf\u00e9 broken\"}}");
        var at = Array.IndexOf(json, (byte)0xc3);
        json[at] = 0xff;
        await CheckRefusedAsync(json, null, 400, "invalid UTF-8", $"byte 0xff at byte {at} of the body", path: "/api/1/store/");
    }

    [Fact]
    public async Task Post_InvalidJsonEvent_Is400WithItsPosition() =>
        await CheckRefusedAsync(Utf8("{\"event_id\":\"abc\",\"exception\":{\"values\":[}}"), null, 400, "invalid JSON", "invalid JSON at byte 41", path: "/api/1/store/");

    [Fact]
    public async Task Post_ItemLengthPastTheEnd_Is400()
    {
        var json = DotNetEvent(NewId());
        var lying = Utf8($"{{}}\n{{\"type\":\"event\",\"length\":{Encoding.UTF8.GetByteCount(json) + 100}}}\n{json}\n");
        await CheckRefusedAsync(Gzip(lying), "gzip", 400, "malformed envelope", "declares length");
    }

    [Fact]
    public async Task Post_ItemLengthTooShort_Is400()
    {
        var json = DotNetEvent(NewId());
        var lying = Utf8($"{{}}\n{{\"type\":\"event\",\"length\":{Encoding.UTF8.GetByteCount(json) - 10}}}\n{json}\n");
        await CheckRefusedAsync(lying, null, 400, "malformed envelope", "not a newline");
    }

    [Fact]
    public async Task Post_SecondEventOfEnvelopeBroken_StoresNeitherEvent()
    {
        var good = DotNetEvent(NewId());
        var body = Utf8($"{{}}\n{{\"type\":\"event\"}}\n{good}\n{{\"type\":\"event\"}}\n{{\"event_id\":\n");
        await CheckRefusedAsync(body, null, 400, "invalid JSON", "the event item at byte");
    }

    [Fact]
    public async Task Post_UnknownContentEncoding_Is400() =>
        await CheckRefusedAsync(Utf8("{}"), "compress", 400, "unsupported content encoding", "'compress'");

    [Fact]
    public async Task Post_TenThousandFrames_IsStoredWithItsRawJsonWhole()
    {
        await using var feed = await FeedHarness.StartAsync();
        var id = NewId();
        var json = DotNetEvent(id, frames: 10_000);
        var answer = await feed.PostAsync("/api/1/envelope/", Gzip(Envelope(json, id)), "gzip");
        Assert.Equal(200, answer.Status);
        Assert.Equal(Encoding.UTF8.GetByteCount(json), (await feed.Store.GetStatsAsync(CancellationToken.None)).Bytes);
        var stored = await feed.Store.GetLatestEventAsync(Assert.Single(await feed.Store.ListGroupsAsync(10, CancellationToken.None)).Id, CancellationToken.None);
        Assert.Equal(json, stored!.RawJson);
        Assert.InRange(stored.Exceptions.Single().Frames.Length, 1, 10_000);
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
