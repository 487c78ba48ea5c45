using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Heal.Feed.Receiver;
using Heal.Feed.Store;

namespace Heal.Cli.Commands;

/// <summary>
/// <c>heal feed --listen 127.0.0.1:PORT --store FILE|postgres://… [--key KEY] [--read-token TOKEN] [--allow-remote]</c>:
/// runs the Sentry-compatible receiver until SIGINT or SIGTERM, then finishes the requests in flight, commits what is
/// queued and exits 0. With <c>--read-token</c> it also serves the Sentry-style read API (docs/feed.md).
/// </summary>
public static class FeedCommand
{
    public const string Summary = "receive errors from Sentry SDKs into a store: [--listen ADDRESS:PORT] [--store FILE|postgres://URL] [--key KEY] [--read-token TOKEN] [--allow-remote]";

    public const string DefaultListen = "127.0.0.1:8977";

    public const string DefaultStore = ".heal/feed.db";

    public static async Task<int> RunAsync(Arguments arguments, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var listen = arguments.Optional("listen") ?? DefaultListen;
        var storePath = arguments.Optional("store") ?? DefaultStore;
        var key = arguments.Optional("key");
        var readToken = arguments.Optional("read-token");
        var allowRemote = arguments.Flag("allow-remote");
        arguments.RejectUnknown();

        var endpoint = ParseListen(listen);
        if (!IPAddress.IsLoopback(endpoint.Address) && !allowRemote)
        {
            throw new UsageException($"--listen {listen} is not a loopback address; add --allow-remote to accept events from other machines.");
        }

        if (key is { Length: 0 })
        {
            throw new UsageException("--key must not be empty.");
        }

        if (readToken is { Length: < 16 })
        {
            throw new UsageException("--read-token must be at least 16 characters: it gives every stored event to whoever holds it.");
        }

        IErrorStore store;
        try
        {
            store = ErrorStores.Open(storePath);
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

            FeedServer server;
            try
            {
                server = await FeedServer.StartAsync(new FeedServerOptions(endpoint.Address, endpoint.Port, key, allowRemote, ReadToken: readToken), store, cancellationToken);
            }
            catch (IOException e) when (e.InnerException is SocketException || e.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
            {
                await stderr.WriteLineAsync($"heal feed: cannot listen on {listen}: {e.Message}");
                return CommandLine.ExitInternal;
            }

            var dsnKey = key ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var address = $"http://{server.Address.Host}:{server.Address.Port}";
            await stdout.WriteLineAsync($"listening on {address}");
            await stdout.WriteLineAsync($"store {store.Location}");
            await stdout.WriteLineAsync($"dsn {server.Dsn(dsnKey)}");
            await stdout.FlushAsync(cancellationToken);

            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                // SIGINT, SIGTERM or the caller: stop gracefully below.
            }

            await server.StopAsync();
            await stderr.WriteLineAsync($"heal feed: stopped; {server.Metrics.CommittedEvents} events committed this run.");

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

        if (IPEndPoint.TryParse(text, out var endpoint) && text.Contains(':', StringComparison.Ordinal) && endpoint.Port is >= 0 and <= 65535)
        {
            return endpoint;
        }

        throw new UsageException($"--listen '{listen}' is not ADDRESS:PORT, e.g. 127.0.0.1:8977 (port 0 picks a free port).");
    }
}
