using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Heal.Feed.Receiver;

/// <summary>
/// The receiver's JSON bodies. Every answer has one, errors included: the .NET SDK parses error bodies and logs an
/// exception on an empty one.
/// </summary>
public static class FeedResponses
{
    // Relaxed escaping keeps quotes and apostrophes readable in details; the body is JSON, never HTML.
    private static readonly JsonWriterOptions s_writerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task WriteIdAsync(HttpContext context, string id) =>
        WriteAsync(context, StatusCodes.Status200OK, writer => writer.WriteString("id", id));

    public static Task WriteErrorAsync(HttpContext context, FeedError error, int retryAfterSeconds)
    {
        if (error.Status == StatusCodes.Status429TooManyRequests)
        {
            context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        if (error.Status == StatusCodes.Status405MethodNotAllowed)
        {
            context.Response.Headers.Allow = "POST";
        }

        return WriteAsync(context, error.Status, writer =>
        {
            writer.WriteString("error", error.Error);
            writer.WriteString("detail", error.Detail);
        });
    }

    /// <summary>Lets the browser SDK of an allowed origin read the answer, and answers its preflight.</summary>
    public static void AddCorsHeaders(HttpContext context, string origin)
    {
        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = origin;
        headers.Vary = "Origin";
        headers.AccessControlAllowMethods = "POST";
        headers.AccessControlAllowHeaders = "content-type, x-sentry-auth, authorization, sentry-trace, baggage";
        headers.AccessControlMaxAge = "600";
    }

    private static async Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }
}
