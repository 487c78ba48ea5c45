using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Heal.Core.Scrubbing;
using Heal.Feed.Receiver;
using Heal.Feed.Store;
using Heal.Pipeline.Hosting;

namespace Heal.Cli.Commands;

/// <summary>
/// <c>heal feed --listen 127.0.0.1:PORT --store FILE [--key KEY | --no-key] [--allow-origin ORIGIN]… [--scrub-field NAME]…
/// [--no-scrub] [--allow-remote]</c>: runs the Sentry-compatible receiver until SIGINT or SIGTERM, then finishes the
/// requests in flight, commits what is queued and exits 0. Without <c>--key</c> the feed uses the key kept next to its
/// store (generated the first time) and refuses events without it.
/// </summary>
public static class FeedCommand
{
    public const string DefaultListen = "127.0.0.1:8977";

    public static Command Create()
    {
        var listen = new Option<string>("--listen") { Description = "Address and port to listen on; port 0 picks a free port.", DefaultValueFactory = _ => DefaultListen, HelpName = "ADDRESS:PORT" };
        var store = new Option<string?>("--store") { Description = "The SQLite store to write, created if missing (default: the per-user store every command and editor shares; see 'The store' in the README).", HelpName = "FILE" };
        var key = new Option<string?>("--key") { Description = "The DSN public key SDKs must send (default: a key generated once and kept next to the store, mode 0600); events are then marked authenticated.", HelpName = "KEY" };
        var noKey = new Option<bool>("--no-key") { Description = "Accept events without a key from any program that can reach the address (never marked authenticated)." };
        var allowOrigin = new Option<string[]>("--allow-origin") { Description = "A web origin whose browser SDK may post (repeatable); requests with any other Origin header get 403.", HelpName = "ORIGIN", AllowMultipleArgumentsPerToken = false };
        var scrubField = new Option<string[]>("--scrub-field") { Description = "Also replace the values of this key with [Filtered] before storing (repeatable).", HelpName = "NAME" };
        var noScrub = new Option<bool>("--no-scrub") { Description = "Store events as sent, without replacing passwords, tokens, card numbers and other secrets with [Filtered]." };
        var allowRemote = new Option<bool>("--allow-remote") { Description = "Allow a non-loopback --listen address (accept events from other machines)." };
        var readToken = new Option<string?>("--read-token") { Description = "Serve the Sentry-style read API (issues, latest event) to clients sending Authorization: Bearer TOKEN (16+ characters; see docs/feed.md). Without it the API is off.", HelpName = "TOKEN" };
        var printDsn = new Option<bool>("--print-dsn") { Description = "Print the DSN SDKs need for this store's key and --listen address, then exit without listening (export SENTRY_DSN=$(heal feed --print-dsn))." };
        var command = new Command("feed", "Receive errors from Sentry SDKs into a store; prints the DSN to give your SDK. Runs until Ctrl+C.")
        {
            listen, store, key, noKey, allowOrigin, scrubField, noScrub, allowRemote, readToken, printDsn,
        };
        return command.WithAction((context, cancellationToken) =>
        {
            var settings = new FeedSettings(context.Get(listen)!, context.Get(key), context.Get(noKey), context.Get(allowOrigin) ?? [],
                context.Get(scrubField) ?? [], context.Get(noScrub), context.Get(allowRemote), context.Get(readToken), context.Get(printDsn));
            return RunAsync(settings, CliHost.Create(context.Get(store)), context, cancellationToken);
        });
    }

    private static async Task<int> RunAsync(FeedSettings settings, HealHost host, CommandContext context, CancellationToken cancellationToken)
    {
        var stdout = context.Out;
        var stderr = context.Error;
        var listen = settings.Listen;
        var key = settings.Key;
        var endpoint = ParseListen(listen);
        if (!FeedServer.IsLoopback(endpoint.Address) && !settings.AllowRemote)
        {
            throw new UsageException($"--listen {listen} is not a loopback address; add --allow-remote to accept events from other machines.");
        }

        if (key is { Length: 0 })
        {
            throw new UsageException("--key must not be empty.");
        }

        if (key is not null && settings.NoKey)
        {
            throw new UsageException("--key and --no-key contradict each other; pass one.");
        }

        if (settings.NoScrub && settings.ScrubFields.Count > 0)
        {
            throw new UsageException("--scrub-field and --no-scrub contradict each other; pass one.");
        }

        foreach (var origin in settings.AllowedOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.PathAndQuery != "/")
            {
                throw new UsageException($"--allow-origin '{origin}' is not a web origin such as https://app.example or http://localhost:3000.");
            }
        }

        if (settings.ReadToken is { Length: < 16 })
        {
            throw new UsageException("--read-token must be at least 16 characters: it gives every stored event to whoever holds it.");
        }

        if (key is null && !settings.NoKey && host.Store.Location.Kind != StoreKind.Sqlite)
        {
            // A shared database has no folder of its own to keep a key in, and every instance must give SDKs the same DSN.
            throw new UsageException("a feed on PostgreSQL needs --key KEY (the same for every instance), or --no-key to accept any sender.");
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
            var keySource = "given with --key";
            if (key is null && !settings.NoKey)
            {
                var sqlite = (SqliteErrorStore)store;
                try
                {
                    (key, var created) = FeedKey.LoadOrCreate(sqlite.FilePath);
                    keySource = $"{(created ? "generated and kept" : "kept")} in {FeedKey.PathFor(sqlite.FilePath)}";
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliException("key-failed", $"cannot keep the feed's key: {e.Message}");
                }
            }

            if (settings.PrintDsn)
            {
                // What the running feed prints on its dsn line, without binding the port (it may be in use by that feed).
                var bound = endpoint.Address.IsIPv4MappedToIPv6 ? endpoint.Address.MapToIPv4() : endpoint.Address;
                var hostText = bound.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{bound}]" : bound.ToString();
                await stdout.WriteLineAsync($"http://{key ?? FeedKey.New()}@{hostText}:{endpoint.Port}/1");
                return ExitCodes.Ok;
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var options = new FeedServerOptions(endpoint.Address, endpoint.Port, key, settings.AllowRemote,
                AllowedOrigins: settings.AllowedOrigins, ScrubEvents: !settings.NoScrub, Scrub: new ScrubOptions(settings.ScrubFields), ReadToken: settings.ReadToken);
            FeedServer server;
            try
            {
                server = await FeedServer.StartAsync(options, store, cancellationToken);
            }
            catch (Exception e) when (e is SocketException or IOException)
            {
                var reason = (e as SocketException ?? e.InnerException as SocketException)?.Message ?? e.Message;
                throw new CliException("listen-failed", $"cannot listen on {listen}: {reason}", ExitCodes.Usage);
            }

            var address = $"http://{server.Address.Host}:{server.Address.Port}";
            await stdout.WriteLineAsync($"listening on {address}");
            await stdout.WriteLineAsync($"store {store.Location}");
            await stdout.WriteLineAsync($"dsn {server.Dsn(key ?? FeedKey.New())}");
            await stdout.FlushAsync(cancellationToken);
            await stderr.WriteLineAsync(key is null
                ? "heal feed: --no-key: any program that can reach this address may post events, and none of them counts as authenticated."
                : $"heal feed: events must carry the DSN's key ({keySource}).");
            if (settings.NoScrub)
            {
                await stderr.WriteLineAsync("heal feed: --no-scrub: events are stored as sent, passwords and tokens included.");
            }

            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C, SIGTERM (CommandLine turns both into cancellation) or the caller: stop gracefully below.
            }

            await server.StopAsync();
            var metrics = server.Metrics;
            await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"heal feed: stopped; {metrics.CommittedEvents} events committed this run in {metrics.Batches} commits; seconds spent reading bodies {metrics.Read.TotalSeconds:0.000}, scrubbing {metrics.Scrub.TotalSeconds:0.000}, reading events {metrics.Parse.TotalSeconds:0.000}, committing {metrics.Commit.TotalSeconds:0.000}; {metrics.ScrubbedValues} values scrubbed, {metrics.RejectedOverload} requests refused as overload."));
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

        if (IPEndPoint.TryParse(text, out var endpoint) && text.Contains(':', StringComparison.Ordinal) && endpoint.Port is >= 0 and <= 65535
            && (endpoint.Address.AddressFamily == AddressFamily.InterNetwork || text.StartsWith('[')))
        {
            return endpoint;
        }

        throw new UsageException($"--listen '{listen}' is not ADDRESS:PORT, e.g. 127.0.0.1:8977 or [::1]:8977 (port 0 picks a free port).");
    }

    private sealed record FeedSettings(string Listen, string? Key, bool NoKey, IReadOnlyList<string> AllowedOrigins,
        IReadOnlyList<string> ScrubFields, bool NoScrub, bool AllowRemote, string? ReadToken, bool PrintDsn);
}
