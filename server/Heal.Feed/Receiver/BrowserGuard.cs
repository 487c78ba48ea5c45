using System.Net;
using Microsoft.AspNetCore.Http;

namespace Heal.Feed.Receiver;

/// <summary>
/// Keeps web pages from posting to a feed. A browser adds <c>Origin</c> to every cross-site POST, even a "simple"
/// <c>text/plain</c> one that needs no preflight, so any request carrying an origin that was not allowed with
/// <c>--allow-origin</c> is refused. A loopback feed also checks <c>Host</c>: a DNS-rebinding page reaches 127.0.0.1
/// under its own host name, which a feed bound to loopback never has.
/// </summary>
/// <remarks>SDKs outside browsers (.NET, Node, Python, Go, …) send no <c>Origin</c>, so they are not affected.</remarks>
public sealed class BrowserGuard
{
    private readonly HashSet<string> _origins;
    private readonly bool _checkHost;

    public BrowserGuard(FeedServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _origins = new HashSet<string>(options.EffectiveAllowedOrigins.Select(NormalizeOrigin), StringComparer.OrdinalIgnoreCase);
        _checkHost = IPAddress.IsLoopback(options.Address.IsIPv4MappedToIPv6 ? options.Address.MapToIPv4() : options.Address);
    }

    /// <summary>Null when the request may go on; else the refusal.</summary>
    public FeedError? Check(HttpRequest request)
    {
        if (_checkHost && request.Host.HasValue && !IsLoopbackHost(request.Host.Host))
        {
            return new FeedError(StatusCodes.Status403Forbidden, "forbidden host",
                $"this feed listens on loopback and answers only requests for localhost or a loopback address, not Host '{Printable(request.Host.Value!)}' (a DNS-rebinding page uses its own name).");
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !_origins.Contains(NormalizeOrigin(origin)))
        {
            return new FeedError(StatusCodes.Status403Forbidden, "forbidden origin",
                $"requests from web pages (Origin '{Printable(origin)}') are refused; start the feed with --allow-origin {Printable(origin)} to accept that site's browser SDK.");
        }

        return null;
    }

    /// <summary>The request's origin when it is an allowed one, for the CORS answer headers.</summary>
    public string? AllowedOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && _origins.Contains(NormalizeOrigin(origin)) ? origin : null;
    }

    /// <summary><c>https://App.Example:443/</c> and <c>https://app.example:443</c> are the same origin.</summary>
    public static string NormalizeOrigin(string origin) => origin.Trim().TrimEnd('/').ToLowerInvariant();

    private static bool IsLoopbackHost(string host)
    {
        var name = host.Trim().TrimEnd('.');
        if (name.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (name.StartsWith('[') && name.EndsWith(']'))
        {
            name = name[1..^1];
        }

        return IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
    }

    private static string Printable(string text)
    {
        var cut = text.Length > 200 ? text[..200] + "…" : text;
        return new string(cut.Select(c => char.IsControl(c) ? '?' : c).ToArray());
    }
}
