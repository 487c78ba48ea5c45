using System.Net;
using Heal.Feed.ReadApi;
using Heal.Feed.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Heal.Feed.Receiver;

/// <summary>
/// The Sentry-compatible receiver: Kestrel on one address, the request handler, and the ingestion queue's writer
/// over an <see cref="IErrorStore"/> the caller owns. <see cref="StopAsync"/> stops accepting, lets in-flight
/// requests finish (they are acknowledged once committed) and flushes the queue.
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly IngestionQueue _queue;
    private bool _stopped;

    private FeedServer(WebApplication app, IngestionQueue queue, Uri address, FeedMetrics metrics, MemoryBudget budget, IdleMemory idle)
    {
        _app = app;
        _queue = queue;
        Address = address;
        Metrics = metrics;
        Budget = budget;
        Idle = idle;
    }

    /// <summary>The bound address, e.g. <c>http://127.0.0.1:41234/</c>, with the real port when 0 was asked.</summary>
    public Uri Address { get; }

    public FeedMetrics Metrics { get; }

    public MemoryBudget Budget { get; }

    /// <summary>Gives memory back when the feed is idle.</summary>
    public IdleMemory Idle { get; }

    /// <summary>How long the feed must see no request before it gives memory back.</summary>
    public static TimeSpan IdleAfter { get; } = TimeSpan.FromSeconds(2);

    /// <summary>The DSN an SDK needs to post here.</summary>
    public string Dsn(string key, string project = "1") => $"http://{key}@{Address.Host}:{Address.Port}/{project}";

    public static async Task<FeedServer> StartAsync(FeedServerOptions options, IErrorStore store, CancellationToken cancellationToken)
    {
        if (!IsLoopback(options.Address) && !options.AllowRemote)
        {
            throw new ArgumentException($"{options.Address} is not a loopback address; the receiver binds only 127.0.0.1 or ::1 unless remote access is allowed explicitly.", nameof(options));
        }

        var limits = options.EffectiveLimits;
        NativeHeap.KeepLargeBlocksMapped();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "heal-feed", ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddSingleton<IHostLifetime, FeedHostLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // The handler enforces its own limits while streaming, so it can answer 413 with a JSON body.
            kestrel.Limits.MaxRequestBodySize = null;
            // An IPv4-mapped address (::ffff:127.0.0.1) is the IPv4 address: bind that, an IPv6 socket cannot.
            kestrel.Listen(options.Address.IsIPv4MappedToIPv6 ? options.Address.MapToIPv4() : options.Address, options.Port);
        });
        var app = builder.Build();
        var metrics = new FeedMetrics();
        var budget = new MemoryBudget(limits.MaxInFlightBytes);
        var pool = new BufferPool();
        var idle = new IdleMemory(pool, IdleAfter, store.ReleaseMemoryAsync);
        var queue = new IngestionQueue(store, limits, metrics);
        var handler = new FeedRequestHandler(options, queue, budget, pool, metrics, idle);
        // The read API exists only with a read token; without one its paths fall through to the handler's 404.
        var readApi = options.ReadToken is { Length: > 0 } token ? new SentryReadApi(store, token) : null;
        app.Run(context => readApi is not null && SentryReadApi.Matches(context.Request.Path) ? readApi.HandleAsync(context) : handler.HandleAsync(context));
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await queue.DrainAsync().ConfigureAwait(false);
            await idle.DisposeAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FeedServer(app, queue, new Uri(bound), metrics, budget, idle);
    }

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _queue.DrainAsync().ConfigureAwait(false);
        await Idle.DisposeAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Loopback, including an IPv4-mapped loopback address (<c>::ffff:127.0.0.1</c>).</summary>
    public static bool IsLoopback(IPAddress address) =>
        IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
