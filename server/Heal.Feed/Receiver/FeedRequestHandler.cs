using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Heal.Core.Model;
using Heal.Core.Scrubbing;
using Heal.Feed.Protocol;
using Heal.Feed.Store;
using Microsoft.AspNetCore.Http;

namespace Heal.Feed.Receiver;

/// <summary>
/// Serves <c>POST /api/{project}/envelope/</c> and the legacy <c>POST /api/{project}/store/</c>: refuse browsers that were
/// not allowed, authenticate, read and decode the body, frame it, scrub each event, read what the store keeps, queue
/// the events for the writer, and answer only after the writer committed them. Anything wrong gets a JSON error and
/// stores nothing. Every byte a request holds (body, decoded body, scrubbed copy, what reading the event allocates) is
/// reserved in the <see cref="MemoryBudget"/> before it is allocated.
/// </summary>
public sealed class FeedRequestHandler(FeedServerOptions options, IngestionQueue queue, MemoryBudget budget, BufferPool pool, FeedMetrics metrics, IdleMemory idle)
{
    /// <summary>
    /// What reading one event may allocate beyond its bytes, at most: the kept exceptions' and frames' positions, the
    /// strings of the frames that group it, the fingerprint. Reserved as twice the payload up to this cap.
    /// </summary>
    public const int MaxReadAllowance = 4 << 20;

    private readonly ReceiverLimits _limits = options.EffectiveLimits;
    private readonly byte[]? _key = options.Key is null ? null : Encoding.UTF8.GetBytes(options.Key);
    private readonly ScrubOptions? _scrub = options.EffectiveScrub;
    private readonly BrowserGuard _guard = new(options);

    public async Task HandleAsync(HttpContext context)
    {
        using var mark = idle.Begin();
        try
        {
            var error = await HandleCoreAsync(context).ConfigureAwait(false);
            if (error is not null)
            {
                if (error.Status == StatusCodes.Status429TooManyRequests)
                {
                    metrics.AddOverload();
                }

                await FeedResponses.WriteErrorAsync(context, error, _limits.RetryAfterSeconds).ConfigureAwait(false);
            }
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            // Kestrel's own refusals (a malformed chunk, a body that stalls below the minimum data rate).
            await FeedResponses.WriteErrorAsync(context, new FeedError(e.StatusCode, "bad request", e.Message), _limits.RetryAfterSeconds).ConfigureAwait(false);
        }
        catch (IOException e) when (e.InnerException is OverflowException && !context.Response.HasStarted)
        {
            // Kestrel reports a chunk size that does not fit in 64 bits as an IOException around the overflow, not as a
            // bad request: it is still the sender's mistake.
            await FeedResponses.WriteErrorAsync(context, FeedError.BadRequest("bad chunk", $"a chunk size of the chunked body does not fit in 64 bits ({e.Message})."), _limits.RetryAfterSeconds).ConfigureAwait(false);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            // A bug of ours, not of the sender: still a JSON answer (SDKs log an exception on an empty body), and
            // nothing was acknowledged, so the SDK may resend. The exception's type only: its message is ours, not theirs.
            await FeedResponses.WriteErrorAsync(context, new FeedError(StatusCodes.Status500InternalServerError, "internal error", $"the receiver failed ({e.GetType().Name}); nothing was stored."), _limits.RetryAfterSeconds).ConfigureAwait(false);
        }
    }

    private async Task<FeedError?> HandleCoreAsync(HttpContext context)
    {
        var request = context.Request;
        if (!TryMatchRoute(request.Path.Value, out var kind))
        {
            return new FeedError(StatusCodes.Status404NotFound, "not found",
                $"no route for {request.Method} {request.Path}; Sentry SDKs post to /api/{{project}}/envelope/ or /api/{{project}}/store/.");
        }

        if (_guard.Check(request) is { } refused)
        {
            return refused;
        }

        if (_guard.AllowedOrigin(request) is { } origin)
        {
            FeedResponses.AddCorsHeaders(context, origin);
            if (HttpMethods.IsOptions(request.Method))
            {
                // The browser's preflight for an allowed origin.
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                return null;
            }
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            return new FeedError(StatusCodes.Status405MethodNotAllowed, "method not allowed", $"{request.Method} is not allowed on {request.Path}; use POST.");
        }

        if (_key is not null)
        {
            var sent = SentryAuth.FindKey(request);
            if (sent is null)
            {
                return new FeedError(StatusCodes.Status401Unauthorized, "unauthorized",
                    "no sentry_key: send X-Sentry-Auth: Sentry sentry_key=KEY, sentry_version=7, or ?sentry_key=KEY (the key is in the DSN heal feed printed).");
            }

            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), _key))
            {
                return new FeedError(StatusCodes.Status401Unauthorized, "unauthorized", "the sentry_key is not this receiver's key; check the DSN.");
            }
        }

        var started = Stopwatch.GetTimestamp();
        var (body, readError) = await RequestBodyReader.ReadAsync(request, _limits, budget, pool, context.RequestAborted).ConfigureAwait(false);
        metrics.AddRead(Stopwatch.GetTimestamp() - started);
        if (body is null)
        {
            return readError;
        }

        var held = new List<PooledBuffer> { body };
        long allowance = 0;
        try
        {
            var payloads = new List<EnvelopeItem>(1);
            string? envelopeId = null;
            if (kind == RouteKind.Envelope)
            {
                var framed = EnvelopeReader.Read(body.Written);
                if (framed.Value is not { } envelope)
                {
                    return FeedError.BadRequest("malformed envelope", string.Join(" ", framed.Problems.Select(p => p.Message)));
                }

                payloads.AddRange(envelope.Events);
                envelopeId = envelope.EventId;
            }
            else
            {
                payloads.Add(new EnvelopeItem(EnvelopeReader.EventItemType, 0, body.Written));
            }

            if (payloads.Count == 0)
            {
                // Sessions, client reports and the like: accepted, nothing of them is kept.
                await FeedResponses.WriteIdAsync(context, NormalizeId(envelopeId) ?? Guid.NewGuid().ToString("N")).ConfigureAwait(false);
                return null;
            }

            // What reading the events will allocate, reserved before it is: the request is refused, not memory grown.
            allowance = payloads.Sum(p => Math.Min(2L * p.Payload.Length, MaxReadAllowance));
            if (!budget.TryReserve(allowance))
            {
                allowance = 0;
                return Overloaded("the receiver is holding as much as it may");
            }

            var events = new List<NewEvent>(payloads.Count);
            var receivedAt = DateTimeOffset.UtcNow;
            foreach (var payload in payloads)
            {
                var (newEvent, error) = ToNewEvent(payload, payloads.Count > 1, receivedAt, held);
                if (newEvent is null)
                {
                    return error;
                }

                events.Add(newEvent);
            }

            var ingest = new IngestRequest(events);
            if (!queue.TryEnqueue(ingest))
            {
                return Overloaded("the ingestion queue is full");
            }

            try
            {
                // Not cancelled by the client leaving: the writer reads this request's buffers until it commits.
                await ingest.Committed.ConfigureAwait(false);
            }
            catch (Exception e)
            {
                return new FeedError(StatusCodes.Status503ServiceUnavailable, "store failed", $"the event could not be committed: {e.Message}");
            }

            await FeedResponses.WriteIdAsync(context, events[0].Id).ConfigureAwait(false);
            return null;
        }
        finally
        {
            budget.Release(allowance);
            foreach (var buffer in held)
            {
                buffer.Dispose();
            }
        }
    }

    private (NewEvent? Event, FeedError? Error) ToNewEvent(EnvelopeItem payload, bool several, DateTimeOffset receivedAt, List<PooledBuffer> held)
    {
        var where = several ? $"the event item at byte {payload.Offset}" : "the event";
        var json = payload.Payload;
        if (!JsonText.TryFindInvalidUtf8(json.Span, out var bad))
        {
            return (null, FeedError.BadRequest("invalid UTF-8",
                $"{where} is not valid UTF-8: byte {EnvelopeReader.Describe(json.Span[bad])} at byte {payload.Offset + bad} of the body."));
        }

        var started = Stopwatch.GetTimestamp();
        if (_scrub is not null && EventJsonScrubber.ScrubEvent(json.Span, _scrub) is { } scrubbed)
        {
            // The scrubbed copy is what is read, fingerprinted and stored: nothing filtered reaches the disk.
            var copy = PooledBuffer.TryCreate(scrubbed.Length, budget, pool);
            if (copy is null)
            {
                return (null, Overloaded("the receiver is holding as much as it may"));
            }

            held.Add(copy);
            scrubbed.CopyTo(json.Span, copy.Free.Span);
            copy.Advance(scrubbed.Length);
            json = copy.Written;
            metrics.AddScrubbed(scrubbed.Count);
        }

        var scrubbedAt = Stopwatch.GetTimestamp();
        metrics.AddScrub(scrubbedAt - started);
        var read = EventSummary.FromSentryJson(json.Span, receivedAt);
        metrics.AddParse(Stopwatch.GetTimestamp() - scrubbedAt);
        if (read.Value is not { } summary)
        {
            var detail = JsonText.Validate(payload.Payload.Span, payload.Offset)
                ?? string.Join(" ", read.Problems.Select(p => p.ToString()));
            return (null, FeedError.BadRequest(detail.StartsWith("invalid JSON", StringComparison.Ordinal) ? "invalid JSON" : "unusable event", $"{where}: {detail}"));
        }

        var fingerprint = summary.Fingerprint;
        return (new NewEvent(
            summary.Id,
            fingerprint.GroupId,
            fingerprint.Hash,
            fingerprint.Basis,
            summary.Type,
            summary.Message,
            summary.Timestamp,
            receivedAt,
            summary.Release,
            summary.TopFrame,
            json,
            [],
            // Every request reaching this point passed the key check when a key is configured.
            Authenticated: _key is not null), null);
    }

    private static FeedError Overloaded(string why) =>
        new(StatusCodes.Status429TooManyRequests, "overloaded", $"{why}; retry after the Retry-After delay.");

    private static string? NormalizeId(string? id)
    {
        var hex = id?.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        return hex is { Length: 32 } && hex.All(char.IsAsciiHexDigit) ? hex : null;
    }

    internal static bool TryMatchRoute(string? path, out RouteKind kind)
    {
        kind = RouteKind.Envelope;
        if (path is null || !path.StartsWith("/api/", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = path.AsSpan(5).TrimEnd('/');
        var slash = rest.IndexOf('/');
        if (slash <= 0)
        {
            return false;
        }

        var endpoint = rest[(slash + 1)..];
        if (endpoint.SequenceEqual("envelope"))
        {
            kind = RouteKind.Envelope;
            return true;
        }

        if (endpoint.SequenceEqual("store"))
        {
            kind = RouteKind.Store;
            return true;
        }

        return false;
    }
}
