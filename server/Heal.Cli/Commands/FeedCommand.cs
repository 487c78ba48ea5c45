using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Heal.Core.Scrubbing;
using Heal.Feed.Receiver;
using Heal.Feed.Store;

namespace Heal.Cli.Commands;

/// <summary>
/// <c>heal feed --listen 127.0.0.1:PORT --store FILE [--key KEY | --no-key] [--allow-origin ORIGIN]… [--scrub-field NAME]…
/// [--no-scrub] [--allow-remote]</c>: runs the Sentry-compatible receiver until SIGINT or SIGTERM, then finishes the
/// requests in flight, commits what is queued and exits 0. Without <c>--key</c> the feed uses the key kept next to its
/// store (generated the first time) and refuses events without it.
/// </summary>
public static class FeedCommand
{
    public const string Summary = "receive errors from Sentry SDKs into a local store: [--listen ADDRESS:PORT] [--store FILE] [--key KEY | --no-key] "
        + "[--allow-origin ORIGIN]... [--scrub-field NAME]... [--no-scrub] [--allow-remote]";

    public const string DefaultListen = "127.0.0.1:8977";

    public const string DefaultStore = ".heal/feed.db";

    public static async Task<int> RunAsync(Arguments arguments, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var listen = arguments.Optional("listen") ?? DefaultListen;
        var storePath = arguments.Optional("store") ?? DefaultStore;
        var key = arguments.Optional("key");
        var noKey = arguments.Flag("no-key");
        var allowRemote = arguments.Flag("allow-remote");
        var origins = arguments.Repeated("allow-origin");
        var scrubFields = arguments.Repeated("scrub-field");
        var noScrub = arguments.Flag("no-scrub");
        arguments.RejectUnknown();

        var endpoint = ParseListen(listen);
        if (!FeedServer.IsLoopback(endpoint.Address) && !allowRemote)
        {
            throw new UsageException($"--listen {listen} is not a loopback address; add --allow-remote to accept events from other machines.");
        }

        if (key is { Length: 0 })
        {
            throw new UsageException("--key must not be empty.");
        }

        if (key is not null && noKey)
        {
            throw new UsageException("--key and --no-key contradict each other; pass one.");
        }

        if (noScrub && scrubFields.Count > 0)
        {
            throw new UsageException("--scrub-field and --no-scrub contradict each other; pass one.");
        }

        foreach (var origin in origins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.PathAndQuery != "/")
            {
                throw new UsageException($"--allow-origin '{origin}' is not a web origin such as https://app.example or http://localhost:3000.");
            }
        }

        var keySource = "given with --key";
        if (key is null && !noKey)
        {
            try
            {
                (key, var created) = FeedKey.LoadOrCreate(storePath);
                keySource = $"{(created ? "generated and kept" : "kept")} in {FeedKey.PathFor(storePath)}";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"heal feed: cannot keep the feed's key: {e.Message}");
                return CommandLine.ExitInternal;
            }
        }

        SqliteErrorStore store;
        try
        {
            store = SqliteErrorStore.Open(storePath);
        }
        catch (StoreException e)
        {
            await stderr.WriteLineAsync($"heal feed: {e.Message}");
            return CommandLine.ExitInternal;
        }

        await using (store)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

            var options = new FeedServerOptions(endpoint.Address, endpoint.Port, key, allowRemote,
                AllowedOrigins: origins, ScrubEvents: !noScrub, Scrub: new ScrubOptions(scrubFields));
            FeedServer server;
            try
            {
                server = await FeedServer.StartAsync(options, store, cancellationToken);
            }
            catch (Exception e) when (e is SocketException or IOException)
            {
                var reason = (e as SocketException ?? e.InnerException as SocketException)?.Message ?? e.Message;
                await stderr.WriteLineAsync($"heal feed: cannot listen on {listen}: {reason}");
                return CommandLine.ExitUsage;
            }

            var address = $"http://{server.Address.Host}:{server.Address.Port}";
            await stdout.WriteLineAsync($"listening on {address}");
            await stdout.WriteLineAsync($"store {store.FilePath}");
            await stdout.WriteLineAsync($"dsn {server.Dsn(key ?? FeedKey.New())}");
            await stdout.FlushAsync(cancellationToken);
            await stderr.WriteLineAsync(key is null
                ? "heal feed: --no-key: any program that can reach this address may post events, and none of them counts as authenticated."
                : $"heal feed: events must carry the DSN's key ({keySource}).");
            if (noScrub)
            {
                await stderr.WriteLineAsync("heal feed: --no-scrub: events are stored as sent, passwords and tokens included.");
            }

            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                // SIGINT, SIGTERM or the caller: stop gracefully below.
            }

            await server.StopAsync();
            var metrics = server.Metrics;
            await stderr.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"heal feed: stopped; {metrics.CommittedEvents} events committed this run in {metrics.Batches} commits; seconds spent reading bodies {metrics.Read.TotalSeconds:0.000}, scrubbing {metrics.Scrub.TotalSeconds:0.000}, reading events {metrics.Parse.TotalSeconds:0.000}, committing {metrics.Commit.TotalSeconds:0.000}; {metrics.ScrubbedValues} values scrubbed, {metrics.RejectedOverload} requests refused as overload."));

            void Stop(PosixSignalContext context)
            {
                // Keep the process alive until the queue is flushed; the default action would exit at once.
                context.Cancel = true;
                stop.Cancel();
            }
        }

        return CommandLine.ExitOk;
    }

    private static IPEndPoint ParseListen(string listen)
    {
        var text = listen.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? listen[7..].TrimEnd('/') : listen;
        if (text.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase))
        {
            text = "127.0.0.1" + text[9..];
        }

        if (IPEndPoint.TryParse(text, out var endpoint) && text.Contains(':', StringComparison.Ordinal) && endpoint.Port is >= 0 and <= 65535
            && (endpoint.Address.AddressFamily == AddressFamily.InterNetwork || text.StartsWith('[')))
        {
            return endpoint;
        }

        throw new UsageException($"--listen '{listen}' is not ADDRESS:PORT, e.g. 127.0.0.1:8977 or [::1]:8977 (port 0 picks a free port).");
    }
}
