using System.Diagnostics;
using StackFrame = Heal.Core.Model.StackFrame;
using System.Security.Cryptography;
using System.Text;
using Heal.Core.Model;
using Heal.Feed.Protocol;
using Heal.Feed.Store;
using Microsoft.AspNetCore.Http;

namespace Heal.Feed.Receiver;

/// <summary>
/// Serves <c>POST /api/{project}/envelope/</c> and the legacy <c>POST /api/{project}/store/</c>: authenticate, read and
/// decode the body, frame it, parse and fingerprint each event, queue them for the writer, and answer only after the
/// writer committed them. Anything wrong gets a JSON error and stores nothing.
/// </summary>
public sealed class FeedRequestHandler(FeedServerOptions options, IngestionQueue queue, MemoryBudget budget, FeedMetrics metrics)
{
    private readonly ReceiverLimits _limits = options.EffectiveLimits;
    private readonly byte[]? _key = options.Key is null ? null : Encoding.UTF8.GetBytes(options.Key);

    public async Task HandleAsync(HttpContext context)
    {
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
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            // A bug of ours, not of the sender: still a JSON answer (SDKs log an exception on an empty body), and
            // nothing was acknowledged, so the SDK may resend.
            await FeedResponses.WriteErrorAsync(context, new FeedError(StatusCodes.Status500InternalServerError, "internal error", $"{e.GetType().Name}: {e.Message}"), _limits.RetryAfterSeconds).ConfigureAwait(false);
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
                    "no sentry_key: send X-Sentry-Auth: Sentry sentry_key=KEY, sentry_version=7, or ?sentry_key=KEY.");
            }

            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), _key))
            {
                return new FeedError(StatusCodes.Status401Unauthorized, "unauthorized", "the sentry_key is not this receiver's key; check the DSN.");
            }
        }

        var started = Stopwatch.GetTimestamp();
        var (body, readError) = await RequestBodyReader.ReadAsync(request, _limits, budget, context.RequestAborted).ConfigureAwait(false);
        metrics.AddRead(Stopwatch.GetTimestamp() - started);
        if (body is null)
        {
            return readError;
        }

        using (body)
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

            var events = new List<NewEvent>(payloads.Count);
            var receivedAt = DateTimeOffset.UtcNow;
            foreach (var payload in payloads)
            {
                var (newEvent, error) = ToNewEvent(payload, payloads.Count > 1, receivedAt);
                if (newEvent is null)
                {
                    return error;
                }

                events.Add(newEvent);
            }

            // The budget also covers what parsing made of the body (strings and records), estimated at twice its size.
            var parsedEstimate = 2L * body.Length;
            if (!budget.TryReserve(parsedEstimate))
            {
                return new FeedError(StatusCodes.Status429TooManyRequests, "overloaded", "the receiver is holding as much as it may; retry after the Retry-After delay.");
            }

            try
            {
                var ingest = new IngestRequest(events);
                if (!queue.TryEnqueue(ingest))
                {
                    return new FeedError(StatusCodes.Status429TooManyRequests, "overloaded", "the ingestion queue is full; retry after the Retry-After delay.");
                }

                try
                {
                    // Not cancelled by the client leaving: the writer reads this request's buffer until it commits.
                    await ingest.Committed.ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    return new FeedError(StatusCodes.Status503ServiceUnavailable, "store failed", $"the event could not be committed: {e.Message}");
                }
            }
            finally
            {
                budget.Release(parsedEstimate);
            }

            await FeedResponses.WriteIdAsync(context, events[0].Id).ConfigureAwait(false);
            return null;
        }
    }

    private (NewEvent? Event, FeedError? Error) ToNewEvent(EnvelopeItem payload, bool several, DateTimeOffset receivedAt)
    {
        var where = several ? $"the event item at byte {payload.Offset}" : "the event";
        var bytes = payload.Payload.Span;
        if (!JsonText.TryFindInvalidUtf8(bytes, out var bad))
        {
            return (null, FeedError.BadRequest("invalid UTF-8",
                $"{where} is not valid UTF-8: byte {EnvelopeReader.Describe(bytes[bad])} at byte {payload.Offset + bad} of the body."));
        }

        var started = Stopwatch.GetTimestamp();
        var parsed = EventParsing.Parse(bytes, receivedAt);
        var parsedAt = Stopwatch.GetTimestamp();
        metrics.AddParse(parsedAt - started);
        if (parsed.Value is not { } errorEvent)
        {
            var detail = JsonText.Validate(bytes, payload.Offset)
                ?? string.Join(" ", parsed.Problems.Select(p => p.ToString()));
            return (null, FeedError.BadRequest(detail.StartsWith("invalid JSON", StringComparison.Ordinal) ? "invalid JSON" : "unusable event", $"{where}: {detail}"));
        }

        var fingerprint = EventParsing.Fingerprint(errorEvent);
        metrics.AddFingerprint(Stopwatch.GetTimestamp() - parsedAt);
        var culprit = errorEvent.Culprit;
        return (new NewEvent(
            errorEvent.Id,
            fingerprint.GroupId,
            fingerprint.Hash,
            fingerprint.Basis,
            culprit?.Type ?? "message",
            culprit?.Value ?? errorEvent.Message,
            errorEvent.Timestamp,
            receivedAt,
            errorEvent.Release,
            TopInAppFrame(culprit),
            payload.Payload,
            parsed.Problems,
            // Every request reaching this point passed the key check when a key is configured.
            Authenticated: _key is not null), null);
    }

    /// <summary>
    /// The throwing in-app frame; when the SDK marked no frame in-app (unmarked, or all marked as library code, as SDKs run
    /// outside their project root do), the throwing frame, as Sentry falls back to the full stack.
    /// </summary>
    internal static StackFrame? TopInAppFrame(ExceptionInfo? exception) => exception?.ThrowingFrame;

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
