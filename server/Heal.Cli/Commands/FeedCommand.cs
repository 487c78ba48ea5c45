using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Heal.Feed.Receiver;
using Heal.Feed.Store;
using Heal.Pipeline.Hosting;

namespace Heal.Cli.Commands;

/// <summary>
/// <c>heal feed --listen 127.0.0.1:PORT --store FILE [--key KEY] [--allow-remote]</c>: runs the Sentry-compatible
/// receiver until SIGINT or SIGTERM, then finishes the requests in flight, commits what is queued and exits 0.
/// </summary>
public static class FeedCommand
{
    public const string DefaultListen = "127.0.0.1:8977";

    public static Command Create()
    {
        var listen = new Option<string>("--listen") { Description = "Address and port to listen on; port 0 picks a free port.", DefaultValueFactory = _ => DefaultListen, HelpName = "ADDRESS:PORT" };
        var store = new Option<string?>("--store") { Description = "The SQLite store to write, created if missing (default: the per-user store every command and editor shares; see 'The store' in the README).", HelpName = "FILE" };
        var key = new Option<string?>("--key") { Description = "The DSN public key SDKs must send; events are then marked authenticated.", HelpName = "KEY" };
        var allowRemote = new Option<bool>("--allow-remote") { Description = "Allow a non-loopback --listen address (accept events from other machines)." };
        var readToken = new Option<string?>("--read-token") { Description = "Serve the Sentry-style read API (issues, latest event) to clients sending Authorization: Bearer TOKEN (16+ characters; see docs/feed.md). Without it the API is off.", HelpName = "TOKEN" };
        var command = new Command("feed", "Receive errors from Sentry SDKs into a store; prints the DSN to give your SDK. Runs until Ctrl+C.") { listen, store, key, allowRemote, readToken };
        return command.WithAction((context, cancellationToken) =>
            RunAsync(context.Get(listen)!, CliHost.Create(context.Get(store)), context.Get(key), context.Get(allowRemote), context.Get(readToken), context, cancellationToken));
    }

    private static async Task<int> RunAsync(string listen, HealHost host, string? key, bool allowRemote, string? readToken, CommandContext context, CancellationToken cancellationToken)
    {
        var stdout = context.Out;
        var stderr = context.Error;
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

        await CliHost.WriteNoticeAsync(host, context);
        IErrorStore store;
        try
        {
            store = host.OpenStore();
        }
        catch (StoreException e)
        {
            throw StoreErrors.ToCliException(e);
        }

        await using (store)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

            FeedServer server;
            try
            {
                server = await FeedServer.StartAsync(new FeedServerOptions(endpoint.Address, endpoint.Port, key, allowRemote, ReadToken: readToken), store, cancellationToken);
            }
            catch (IOException e) when (e.InnerException is SocketException || e.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
            {
                throw new CliException("listen-failed", $"cannot listen on {listen}: {e.Message}");
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
                // Ctrl+C, SIGTERM (CommandLine turns both into cancellation) or the caller: stop gracefully below.
            }

            await server.StopAsync();
            await stderr.WriteLineAsync($"heal feed: stopped; {server.Metrics.CommittedEvents} events committed this run.");
        }

        return ExitCodes.Ok;
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
