using System.Net;
using System.Net.Http.Headers;
using Heal.Feed.Receiver;
using Heal.Feed.Store;

namespace Heal.Feed.Tests.Fixtures;

/// <summary>A real receiver on 127.0.0.1 port 0 over a real SQLite file in a temporary folder, and an HttpClient for it.</summary>
public sealed class FeedHarness : IAsyncDisposable
{
    private FeedHarness(TempFolder folder, SqliteErrorStore store, FeedServer server)
    {
        Folder = folder;
        Store = store;
        Server = server;
        Client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public TempFolder Folder { get; }

    public SqliteErrorStore Store { get; }

    public FeedServer Server { get; }

    public HttpClient Client { get; }

    public static Task<FeedHarness> StartAsync(string? key = null, ReceiverLimits? limits = null, StoreOptions? storeOptions = null) =>
        StartAsync(new FeedServerOptions(IPAddress.Loopback, 0, key, Limits: limits), storeOptions);

    /// <summary>A receiver with any <see cref="FeedServerOptions"/> (its address and port are used as given).</summary>
    public static async Task<FeedHarness> StartAsync(FeedServerOptions options, StoreOptions? storeOptions = null)
    {
        var folder = new TempFolder();
        var store = SqliteErrorStore.Open(folder.File("feed.db"), storeOptions);
        var server = await FeedServer.StartAsync(options, store, CancellationToken.None);
        return new FeedHarness(folder, store, server);
    }

    /// <summary>Posts <paramref name="body"/> as an SDK would and returns the status and the parsed JSON answer.</summary>
    public async Task<FeedAnswer> PostAsync(
        string path, byte[] body, string? encoding = null, string? auth = null, string? contentType = null, bool chunked = false, string method = "POST",
        IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            request.Content = new ByteArrayContent(body);
            if (encoding is not null)
            {
                request.Content.Headers.ContentEncoding.Add(encoding);
            }

            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        if (auth is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Sentry-Auth", auth);
        }

        if (chunked)
        {
            request.Headers.TransferEncodingChunked = true;
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            if (name == "Host")
            {
                request.Headers.Host = value;
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new FeedAnswer((int)response.StatusCode, text, response.Headers.RetryAfter, response.Content.Headers.ContentType)
        {
            AllowOrigin = response.Headers.TryGetValues("Access-Control-Allow-Origin", out var allowed) ? allowed.Single() : null,
        };
    }

    public async Task<long> CountEventsAsync() => (await Store.GetStatsAsync(CancellationToken.None)).Events;

    /// <summary>Posts a good event and checks it is stored: the proof that the receiver still serves.</summary>
    public async Task AssertStillServesAsync()
    {
        var before = await CountEventsAsync();
        var id = SentryPayloads.NewId();
        var answer = await PostAsync("/api/1/envelope/", SentryPayloads.Gzip(SentryPayloads.Envelope(SentryPayloads.DotNetEvent(id), id)), "gzip");
        Assert.Equal(200, answer.Status);
        Assert.Equal(id, answer.Id);
        Assert.Equal(before + 1, await CountEventsAsync());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        await Store.DisposeAsync();
        Folder.Dispose();
    }
}
