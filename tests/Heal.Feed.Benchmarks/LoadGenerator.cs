using System.Buffers.Text;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Heal.Feed.Benchmarks;

/// <summary>
/// Posts prepared gzip envelopes over loopback from N concurrent keep-alive HTTP/1.1 connections and times each durable
/// acknowledgement. It writes pre-built requests to raw sockets and reads only the status line and Content-Length of each
/// answer, so the load generator (its own process, on the same cores) costs the feed as little CPU as possible.
/// </summary>
public static class LoadGenerator
{
    public static async Task<LoadRun> RunAsync(Uri address, IReadOnlyList<byte[]> bodies, int connections, string? key)
    {
        var requests = new byte[bodies.Count][];
        Parallel.For(0, bodies.Count, i => requests[i] = Request(address, bodies[i], key));
        var latencies = new double[bodies.Count];
        var next = -1;
        int acknowledged = 0, refused = 0, errors = 0;
        var statuses = new int[600];
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            Socket? socket = null;
            var buffer = new byte[16 * 1024];
            try
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < requests.Length)
                {
                    var started = Stopwatch.GetTimestamp();
                    var status = -1;
                    for (var attempt = 0; attempt < 2 && status < 0; attempt++)
                    {
                        try
                        {
                            socket ??= await ConnectAsync(address);
                            await socket.SendAsync(requests[i], SocketFlags.None);
                            status = await ReadResponseAsync(socket, buffer);
                        }
                        catch (SocketException)
                        {
                            status = -1;
                        }

                        if (status < 0)
                        {
                            socket?.Dispose();
                            socket = null;
                        }
                    }

                    latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (status is >= 0 and < 600)
                    {
                        Interlocked.Increment(ref statuses[status]);
                    }

                    switch (status)
                    {
                        case 200:
                            Interlocked.Increment(ref acknowledged);
                            break;
                        case 429:
                            Interlocked.Increment(ref refused);
                            latencies[i] = -1;
                            break;
                        default:
                            Interlocked.Increment(ref errors);
                            latencies[i] = -1;
                            break;
                    }
                }
            }
            finally
            {
                socket?.Dispose();
            }
        })).ToArray();
        await Task.WhenAll(workers);
        clock.Stop();
        self.Refresh();
        var histogram = string.Join(" ", statuses.Select((count, status) => (count, status)).Where(s => s.count > 0).Select(s => $"{s.status}x{s.count}"));
        return new LoadRun(bodies.Count, acknowledged, refused, errors, clock.Elapsed, latencies.Where(l => l >= 0).ToArray(), self.TotalProcessorTime - cpuBefore, histogram);
    }

    private static byte[] Request(Uri address, byte[] body, string? key)
    {
        var auth = key is null ? "" : $"X-Sentry-Auth: Sentry sentry_key={key}, sentry_version=7, sentry_client=heal-bench/1.0\r\n";
        var head = Encoding.ASCII.GetBytes(
            $"POST /api/1/envelope/ HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: application/x-sentry-envelope\r\n" +
            $"Content-Encoding: gzip\r\n{auth}Content-Length: {body.Length}\r\n\r\n");
        return [.. head, .. body];
    }

    private static async Task<Socket> ConnectAsync(Uri address)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Parse(address.Host), address.Port);
        return socket;
    }

    /// <summary>Reads one HTTP/1.1 answer and returns its status, or -1 when the connection closed.</summary>
    private static async Task<int> ReadResponseAsync(Socket socket, byte[] buffer)
    {
        var filled = 0;
        int headerEnd;
        while ((headerEnd = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None);
            if (read == 0)
            {
                return -1;
            }

            filled += read;
        }

        var head = buffer.AsSpan(0, headerEnd);
        if (!Utf8Parser.TryParse(head[9..12], out int status, out _))
        {
            return -1;
        }

        var contentLength = 0;
        var at = IndexOfIgnoreCase(head, "\r\ncontent-length:"u8);
        if (at >= 0)
        {
            var value = head[(at + 17)..];
            var lineEnd = value.IndexOf("\r\n"u8);
            Utf8Parser.TryParse((lineEnd < 0 ? value : value[..lineEnd]).Trim((byte)' '), out contentLength, out _);
        }

        var remaining = contentLength - (filled - headerEnd - 4);
        while (remaining > 0)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(0, Math.Min(buffer.Length, remaining)), SocketFlags.None);
            if (read == 0)
            {
                return -1;
            }

            remaining -= read;
        }

        return status;
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lowerNeedle)
    {
        for (var i = 0; i + lowerNeedle.Length <= text.Length; i++)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(text.Slice(i, lowerNeedle.Length), lowerNeedle))
            {
                return i;
            }
        }

        return -1;
    }
}
