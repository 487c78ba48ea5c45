using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Heal.Feed.Store;
using Microsoft.AspNetCore.Http;

namespace Heal.Feed.ReadApi;

/// <summary>
/// The subset of Sentry's Web API that Heal's importer (<c>SentryApiErrorSource</c>) and other Sentry-compatible tools
/// read, served by the feed from its store:
/// <c>GET /api/0/projects/{org}/{project}/issues/</c> (any organization slug; cursor pagination in a <c>Link</c> header as
/// Sentry sends it) and <c>GET /api/0/issues/{id}/events/latest/</c>. Only with <c>Authorization: Bearer</c> and the read
/// token; the feed serves these routes only when it was given one (<c>--read-token</c>), otherwise they are 404 like any
/// unknown path.
/// </summary>
/// <remarks>
/// The read token is separate from the DSN key: a DSN ships inside every app and must be treated as public, while the
/// read token gives every stored event (request data, users) to whoever holds it. It is compared in constant time and
/// never written anywhere. Answers are JSON; errors are <c>{"detail": "…"}</c> as Sentry's are.
/// </remarks>
public sealed class SentryReadApi(IErrorStore store, string readToken)
{
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly byte[] _token = Encoding.UTF8.GetBytes(readToken);

    /// <summary>True for the paths this API answers (whatever the method); the receiver hands those requests here.</summary>
    public static bool Matches(PathString path) => Route(path.Value) is not null;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var route = Route(request.Path.Value)!.Value;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            context.Response.Headers.Allow = "GET";
            await WriteDetailAsync(context, StatusCodes.Status405MethodNotAllowed, $"Method \"{request.Method}\" not allowed.").ConfigureAwait(false);
            return;
        }

        if (!Authorized(request))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteDetailAsync(context, StatusCodes.Status401Unauthorized,
                request.Headers.Authorization.Count == 0 ? "Authentication credentials were not provided." : "Invalid token.").ConfigureAwait(false);
            return;
        }

        try
        {
            await (route.Kind == "issues"
                ? ListIssuesAsync(context, route.Value)
                : LatestEventAsync(context, route.Value)).ConfigureAwait(false);
        }
        catch (StoreException e)
        {
            await WriteDetailAsync(context, StatusCodes.Status503ServiceUnavailable, "the store cannot be read: " + e.Message).ConfigureAwait(false);
        }
    }

    private async Task ListIssuesAsync(HttpContext context, string project)
    {
        var q = context.Request.Query;
        var (query, problem) = IssueQuery.Parse(q.ContainsKey("query") ? q["query"].ToString() : null, q["limit"], q["cursor"], q["sort"]);
        if (query is null)
        {
            await WriteDetailAsync(context, StatusCodes.Status400BadRequest, problem!).ConfigureAwait(false);
            return;
        }

        var groups = query.Limit == 0 ? []
            : await store.ListGroupsPageAsync(query.Statuses, query.After, query.Limit + 1, context.RequestAborted).ConfigureAwait(false);
        var page = groups.Take(query.Limit).ToList();
        var next = page.Count > 0 ? new GroupPageCursor(page[^1].LastSeen.ToUnixTimeMilliseconds(), page[^1].Id) : query.After;
        context.Response.Headers["Link"] = LinkHeader(context.Request, query, next, hasMore: groups.Count > query.Limit);
        await WriteAsync(context, StatusCodes.Status200OK, w =>
        {
            w.WriteStartArray();
            foreach (var group in page)
            {
                SentryIssueJson.Write(w, group, project);
            }

            w.WriteEndArray();
        }).ConfigureAwait(false);
    }

    private async Task LatestEventAsync(HttpContext context, string groupId)
    {
        if (await store.GetLatestRawEventAsync(groupId, context.RequestAborted).ConfigureAwait(false) is not { } latest)
        {
            await WriteDetailAsync(context, StatusCodes.Status404NotFound, "The requested resource does not exist").ConfigureAwait(false);
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(latest.RawJson);
        }
        catch (JsonException)
        {
            // The receiver stores only events that parsed; a row that no longer does is reported, not served half-read.
            await WriteDetailAsync(context, StatusCodes.Status500InternalServerError, "the stored event is not JSON any more.").ConfigureAwait(false);
            return;
        }

        using (document)
        {
            await WriteAsync(context, StatusCodes.Status200OK,
                w => SentryEventJson.Write(w, document.RootElement, groupId, latest.ReceivedAt, latest.RawJson.LongLength)).ConfigureAwait(false);
        }
    }

    /// <summary>Sentry's pagination header: a previous link (never with results here: this feed pages forward only) and a next link.</summary>
    private static string LinkHeader(HttpRequest request, IssueQuery query, GroupPageCursor? next, bool hasMore)
    {
        var basePath = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?query={Uri.EscapeDataString(query.QueryText)}&limit={query.Limit}&cursor=";
        var previous = query.After is null ? "0:0:1" : string.Create(CultureInfo.InvariantCulture, $"{query.After.LastSeenMilliseconds}:{query.After.GroupId}:1");
        var nextCursor = next is null ? "0:0:0" : IssueQuery.FormatCursor(next);
        return $"<{basePath}{Uri.EscapeDataString(previous)}>; rel=\"previous\"; results=\"false\"; cursor=\"{previous}\", "
            + $"<{basePath}{Uri.EscapeDataString(nextCursor)}>; rel=\"next\"; results=\"{(hasMore ? "true" : "false")}\"; cursor=\"{nextCursor}\"";
    }

    private bool Authorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[7..].Trim()), _token);
    }

    /// <summary>The route a path names: ("issues", project) or ("latest", issue id); null for any other path.</summary>
    private static (string Kind, string Value)? Route(string? path)
    {
        if (path is null || !path.StartsWith("/api/0/", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = path[7..].TrimEnd('/').Split('/');
        if (parts is ["projects", { Length: > 0 } org, { Length: > 0 } project, "issues"] && Plain(org) && Plain(project))
        {
            return ("issues", project);
        }

        if (parts is ["issues", { Length: > 0 } id, "events", "latest"] && Plain(id))
        {
            return ("latest", id);
        }

        return null;
    }

    /// <summary>Slugs, project ids and issue ids: letters, digits, '-', '_' and '.', nothing that could mean something else.</summary>
    private static bool Plain(string segment) =>
        segment.Length <= 100 && segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && segment is not ("." or "..");

    private static Task WriteDetailAsync(HttpContext context, int status, string detail) =>
        WriteAsync(context, status, w =>
        {
            w.WriteStartObject();
            w.WriteString("detail", detail);
            w.WriteEndObject();
        });

    private static async Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            body(writer);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = buffer.WrittenCount;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
        }
    }
}
