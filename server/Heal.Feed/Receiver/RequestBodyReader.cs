using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Http;

namespace Heal.Feed.Receiver;

/// <summary>
/// Reads a request body (chunked or with Content-Length) and undoes its Content-Encoding (gzip, deflate, br, none),
/// enforcing the size limits while bytes arrive, so no request can make the receiver hold more than the limits.
/// </summary>
public static class RequestBodyReader
{
    private const int ReadChunk = 16 * 1024;

    /// <summary>The decoded body, or the error to answer. The caller disposes the buffer after answering.</summary>
    public static async Task<(PooledBuffer? Body, FeedError? Error)> ReadAsync(HttpRequest request, ReceiverLimits limits, MemoryBudget budget, BufferPool pool, CancellationToken cancellationToken)
    {
        var encoding = request.Headers.ContentEncoding.ToString().Trim().ToLowerInvariant();
        if (encoding is not ("" or "identity" or "gzip" or "x-gzip" or "deflate" or "br"))
        {
            return (null, FeedError.BadRequest("unsupported content encoding", $"Content-Encoding '{encoding}' is not supported; send gzip, deflate, br or no encoding."));
        }

        if (request.ContentLength is { } declared && declared > limits.MaxCompressedBytes)
        {
            return (null, FeedError.TooLarge($"the body is {declared} bytes; the limit is {limits.MaxCompressedBytes} bytes."));
        }

        var rawLimit = (int)limits.MaxCompressedBytes;
        var raw = PooledBuffer.TryCreate((int)Math.Min(request.ContentLength ?? ReadChunk, rawLimit) + 1, budget, pool);
        if (raw is null)
        {
            return (null, Overloaded());
        }

        try
        {
            while (true)
            {
                // With a Content-Length the first buffer is exact; the extra byte is how a longer body is noticed.
                var wanted = request.ContentLength is { } length ? (int)Math.Clamp(length - raw.Length + 1, 1, ReadChunk) : ReadChunk;
                if (!raw.TryEnsureFree(wanted, rawLimit + 1))
                {
                    raw.Dispose();
                    return (null, Overloaded());
                }

                var read = await request.Body.ReadAsync(raw.Free, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                raw.Advance(read);
                if (raw.Length > rawLimit)
                {
                    raw.Dispose();
                    return (null, FeedError.TooLarge($"the body is larger than the limit of {limits.MaxCompressedBytes} bytes."));
                }
            }
        }
        catch
        {
            raw.Dispose();
            throw;
        }

        if (encoding is "" or "identity")
        {
            return (raw, null);
        }

        using (raw)
        {
            return Decode(raw.Written, encoding, limits, budget, pool);
        }
    }

    private static (PooledBuffer? Body, FeedError? Error) Decode(ReadOnlyMemory<byte> raw, string encoding, ReceiverLimits limits, MemoryBudget budget, BufferPool pool)
    {
        var name = encoding == "x-gzip" ? "gzip" : encoding;
        var limit = (int)limits.MaxDecompressedBytes;
        var span = raw.Span;
        uint? gzipSize = name == "gzip" && span.Length >= 18 ? BinaryPrimitives.ReadUInt32LittleEndian(span[^4..]) : null;
        var initial = (int)Math.Min(gzipSize ?? (uint)Math.Min((long)raw.Length * 4, int.MaxValue), (uint)limit) + 1;
        var output = PooledBuffer.TryCreate(initial, budget, pool);
        if (output is null)
        {
            return (null, Overloaded());
        }

        try
        {
            var segment = MemoryMarshal.TryGetArray(raw, out var array) ? array : new ArraySegment<byte>(raw.ToArray());
            using var source = new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false);
            using Stream decoder = name switch
            {
                "gzip" => new GZipStream(source, CompressionMode.Decompress),
                "br" => new BrotliStream(source, CompressionMode.Decompress),
                _ => LooksLikeZlib(span) ? new ZLibStream(source, CompressionMode.Decompress) : new DeflateStream(source, CompressionMode.Decompress),
            };
            while (true)
            {
                // The gzip trailer's size makes the first buffer exact for honest senders; a lying size only costs growth.
                var wanted = gzipSize is { } size ? (int)Math.Clamp((long)size - output.Length + 1, 1, ReadChunk) : ReadChunk;
                if (!output.TryEnsureFree(wanted, limit + 1))
                {
                    output.Dispose();
                    return (null, Overloaded());
                }

                var read = decoder.Read(output.Free.Span);
                if (read == 0)
                {
                    break;
                }

                output.Advance(read);
                if (output.Length > limit)
                {
                    output.Dispose();
                    return (null, FeedError.TooLarge($"the {name} body decompresses to more than the limit of {limits.MaxDecompressedBytes} bytes."));
                }
            }

            // .NET stops quietly at the end of a truncated gzip stream; the trailer's size field is how to notice.
            if (name == "gzip" && (span.Length < 18 || gzipSize != (uint)output.Length))
            {
                output.Dispose();
                return (null, FeedError.BadRequest("bad gzip", $"the gzip body is truncated or corrupt: its trailer does not match the {output.Length} bytes it decompressed to."));
            }

            return (output, null);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException)
        {
            // Brotli reports corrupt data as InvalidOperationException, gzip and deflate as InvalidDataException: both
            // mean the sender's Content-Encoding does not match its bytes.
            output.Dispose();
            return (null, FeedError.BadRequest($"bad {name}", $"the body is not valid {name} data ({FirstSentence(e.Message)}); is Content-Encoding: {encoding} what the sender used?"));
        }
    }

    /// <summary>HTTP's "deflate" is zlib-wrapped (RFC 1950), but some clients send raw deflate; the zlib header tells them apart.</summary>
    private static bool LooksLikeZlib(ReadOnlySpan<byte> data) =>
        data.Length >= 2 && (data[0] & 0x0f) == 8 && ((data[0] << 8) | data[1]) % 31 == 0;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd('.');
    }

    private static FeedError Overloaded() =>
        new(429, "overloaded", "the receiver holds as many request bytes as it may; retry after the Retry-After delay.");
}
