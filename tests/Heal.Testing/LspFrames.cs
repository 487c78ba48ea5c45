using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Heal.Testing;

/// <summary>
/// The LSP base protocol as the test clients speak it to a real <c>heal lsp</c> (the language server tests' client and
/// the latency benchmark's): <c>Content-Length</c> framing written and read by hand, so a test sees every byte the
/// server writes to stdout and can prove nothing else is there.
/// </summary>
public static class LspFrames
{
    /// <summary>One frame around <paramref name="body"/> (any bytes), with a correct Content-Length.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> body) => [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body];

    /// <summary>One frame around a message.</summary>
    public static byte[] Frame(JsonObject message) => Frame(Encoding.UTF8.GetBytes(message.ToJsonString()));

    /// <summary>
    /// Reads messages from <paramref name="stdout"/> until it ends, handing each to <paramref name="message"/> with the
    /// <see cref="Stopwatch"/> timestamp of the read that completed it. What is not a well-framed JSON message (bytes
    /// before a header, a header line other than Content-Length or Content-Type, a header without Content-Length, a body
    /// that is not JSON, trailing bytes at the end) goes to <paramref name="problem"/>.
    /// </summary>
    public static async Task ReadAsync(Stream stdout, Action<JsonObject, long> message, Action<string> problem)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[1 << 16];
        while (true)
        {
            var read = await stdout.ReadAsync(chunk);
            if (read == 0)
            {
                if (buffer.Length > 0)
                {
                    problem($"{buffer.Length} trailing bytes that are not a whole message: {Encoding.UTF8.GetString(buffer.ToArray())}");
                }

                return;
            }

            var at = Stopwatch.GetTimestamp();
            buffer.Write(chunk, 0, read);
            while (TryTake(buffer, problem, out var taken))
            {
                message(taken, at);
            }
        }
    }

    private static bool TryTake(MemoryStream buffer, Action<string> problem, out JsonObject message)
    {
        message = null!;
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var end = bytes.IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            if (bytes.Length > 0 && !"Content-"u8.StartsWith(bytes[..Math.Min(bytes.Length, 8)]))
            {
                problem($"stdout holds something other than a header: {Encoding.UTF8.GetString(bytes)}");
                buffer.SetLength(0);
            }

            return false;
        }

        var length = -1;
        foreach (var line in Encoding.ASCII.GetString(bytes[..end]).Split("\r\n"))
        {
            if (line.StartsWith("Content-Length: ", StringComparison.Ordinal))
            {
                length = int.Parse(line["Content-Length: ".Length..], CultureInfo.InvariantCulture);
            }
            else if (!line.StartsWith("Content-Type: ", StringComparison.Ordinal))
            {
                problem($"unexpected header line: {line}");
            }
        }

        if (length < 0)
        {
            problem("a header without Content-Length");
            buffer.SetLength(0);
            return false;
        }

        if (bytes.Length < end + 4 + length)
        {
            return false;
        }

        var body = bytes.Slice(end + 4, length).ToArray();
        var rest = bytes[(end + 4 + length)..].ToArray();
        buffer.SetLength(0);
        buffer.Write(rest);
        try
        {
            message = JsonNode.Parse(body)!.AsObject();
            return true;
        }
        catch (JsonException e)
        {
            problem($"a body that is not JSON ({e.Message}): {Encoding.UTF8.GetString(body)}");
            return buffer.Length > 0 && TryTake(buffer, problem, out message);
        }
    }
}
