using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Heal.Feed.Tests.Fixtures;

/// <summary>
/// Builds what Sentry SDKs send, shaped like the .NET SDK's output (frames outermost first, signatures as function
/// names, no context lines, ISO timestamps). Shared with the load benchmark, which links this file.
/// </summary>
public static class SentryPayloads
{
    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>A .NET-SDK-shaped event. <paramref name="group"/> varies the in-app frames, so different groups fingerprint apart.</summary>
    public static string DotNetEvent(
        string eventId,
        string type = "System.NullReferenceException",
        string message = "Object reference not set to an instance of an object.",
        int frames = 30,
        int group = 0,
        string? release = "shop@1.4.2",
        DateTimeOffset? timestamp = null)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("event_id", eventId);
            w.WriteString("timestamp", (timestamp ?? DateTimeOffset.UtcNow).ToString("yyyy-MM-ddTHH:mm:ss.fffffffK", CultureInfo.InvariantCulture));
            w.WriteString("platform", "csharp");
            w.WriteString("level", "error");
            w.WriteString("logger", "Shop.Orders.OrderService");
            w.WriteString("server_name", "web-01");
            if (release is not null)
            {
                w.WriteString("release", release);
            }

            w.WriteString("environment", "production");
            w.WriteStartObject("sdk");
            w.WriteString("name", "sentry.dotnet");
            w.WriteString("version", "6.12.1");
            w.WriteEndObject();
            w.WriteStartObject("contexts");
            w.WriteStartObject("os");
            w.WriteString("name", "Linux");
            w.WriteString("raw_description", "Debian GNU/Linux 13 (trixie)");
            w.WriteEndObject();
            w.WriteStartObject("runtime");
            w.WriteString("name", ".NET");
            w.WriteString("version", "10.0.1");
            w.WriteEndObject();
            w.WriteStartObject("trace");
            w.WriteString("trace_id", eventId);
            w.WriteString("span_id", eventId[..16]);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("exception");
            w.WriteStartArray("values");
            w.WriteStartObject();
            w.WriteString("type", type);
            w.WriteString("value", message);
            w.WriteString("module", "System.Private.CoreLib, Version=10.0.0.0");
            w.WriteStartObject("mechanism");
            w.WriteString("type", "AppDomain.UnhandledException");
            w.WriteBoolean("handled", false);
            w.WriteEndObject();
            w.WriteStartObject("stacktrace");
            w.WriteStartArray("frames");
            for (var i = 0; i < frames; i++)
            {
                var inApp = i >= frames - 4;
                w.WriteStartObject();
                if (inApp)
                {
                    w.WriteString("filename", $"Orders/OrderService{group}.cs");
                    w.WriteString("abs_path", $"/src/shop/Orders/OrderService{group}.cs");
                    w.WriteString("function", $"void Shop.Orders.OrderService{group}.Step{i}(Order order, int quantity)");
                    w.WriteString("module", $"Shop.Orders.OrderService{group}");
                    w.WriteNumber("lineno", 40 + i);
                    w.WriteNumber("colno", 13);
                    w.WriteString("package", "Shop, Version=1.4.2.0");
                }
                else
                {
                    w.WriteString("function", $"Task Microsoft.AspNetCore.Routing.EndpointMiddleware.Invoke{i}(HttpContext httpContext)");
                    w.WriteString("module", "Microsoft.AspNetCore.Routing.EndpointMiddleware");
                    w.WriteString("package", "Microsoft.AspNetCore.Routing, Version=10.0.0.0");
                }

                w.WriteBoolean("in_app", inApp);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("debug_meta");
            w.WriteStartArray("images");
            w.WriteStartObject();
            w.WriteString("type", "pe_dotnet");
            w.WriteString("debug_id", "9f5a3b2e-1c4d-4e6f-8a7b-0c1d2e3f4a5b-1");
            w.WriteString("code_file", "/app/Shop.dll");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>An envelope with one event item (with an exact <c>length</c> unless <paramref name="withLength"/> is false), after any <paramref name="itemsBefore"/>.</summary>
    public static byte[] Envelope(string eventJson, string? eventId, bool withLength = true, params (string Header, string Payload)[] itemsBefore)
    {
        var text = new StringBuilder();
        text.Append(eventId is null ? "{}" : $"{{\"event_id\":\"{eventId}\",\"sent_at\":\"2026-01-01T00:00:00Z\"}}").Append('\n');
        foreach (var (header, payload) in itemsBefore)
        {
            text.Append(header).Append('\n').Append(payload).Append('\n');
        }

        var length = Encoding.UTF8.GetByteCount(eventJson);
        text.Append(withLength ? $"{{\"type\":\"event\",\"length\":{length}}}" : "{\"type\":\"event\",\"content_type\":\"application/json\"}").Append('\n');
        text.Append(eventJson).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>HTTP "deflate": zlib-wrapped.</summary>
    public static byte[] Zlib(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>Raw deflate, as some clients send for "deflate".</summary>
    public static byte[] RawDeflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(data);
        }

        return output.ToArray();
    }
}
