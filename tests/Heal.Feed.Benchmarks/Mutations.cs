using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Heal.Feed.Tests.Fixtures;
using Heal.Testing;

namespace Heal.Feed.Benchmarks;

/// <summary>
/// One fuzzed request at a time, as raw HTTP/1.1 bytes: a real event, mutated in its JSON, then framed (envelope or store,
/// with or without item lengths), compressed (or lied about), and sent with mutated headers and body framing. Each
/// request comes with a short description of what was done to it, so findings can be grouped.
/// </summary>
public static class Mutations
{
    public static (string Description, byte[] Request) Build(Random random, IReadOnlyList<string> seeds, Uri address, string key)
    {
        var what = new List<string>();
        var json = Encoding.UTF8.GetBytes(seeds[random.Next(seeds.Count)]);
        if (random.Next(4) > 0)
        {
            json = MutateJson(json, random, what);
        }

        var id = SentryPayloads.NewId();
        byte[] body;
        var path = "/api/1/envelope/";
        switch (random.Next(10))
        {
            case 0:
                path = "/api/1/store/";
                what.Add("store");
                body = json;
                break;
            case 1:
                what.Add("envelope-without-length");
                body = [.. Encoding.UTF8.GetBytes($"{{\"event_id\":\"{id}\"}}\n{{\"type\":\"event\"}}\n"), .. json, (byte)'\n'];
                break;
            case 2:
                what.Add("envelope-lying-length");
                var lie = json.Length + random.Next(-20, 21);
                body = [.. Encoding.UTF8.GetBytes($"{{\"event_id\":\"{id}\"}}\n{{\"type\":\"event\",\"length\":{lie}}}\n"), .. json, (byte)'\n'];
                break;
            case 3:
                what.Add("envelope-many-items");
                var items = new StringBuilder($"{{\"event_id\":\"{id}\"}}\n");
                for (var i = random.Next(1, 300); i > 0; i--)
                {
                    items.Append(random.Next(3) == 0 ? "{\"type\":\"session\"}\n{\"sid\":\"x\"}\n" : "{\"type\":\"client_report\",\"length\":2}\n{}\n");
                }

                body = [.. Encoding.UTF8.GetBytes(items.ToString() + $"{{\"type\":\"event\",\"length\":{json.Length}}}\n"), .. json, (byte)'\n'];
                break;
            case 4:
                what.Add("envelope-bad-header");
                var headers = new[] { "", "[]", "{", "{\"type\":1}", "{\"type\":\"event\",\"length\":-1}", "{\"type\":\"event\",\"length\":1e400}", "{\"type\":\"event\",\"length\":99999999999}", "\u00ff" };
                body = [.. Encoding.UTF8.GetBytes($"{{\"event_id\":\"{id}\"}}\n{headers[random.Next(headers.Length)]}\n"), .. json, (byte)'\n'];
                break;
            default:
                body = SentryPayloads.Envelope(Encoding.UTF8.GetString(json), id);
                if (!System.Text.Unicode.Utf8.IsValid(json))
                {
                    body = [.. Encoding.UTF8.GetBytes($"{{\"event_id\":\"{id}\"}}\n{{\"type\":\"event\",\"length\":{json.Length}}}\n"), .. json, (byte)'\n'];
                }

                break;
        }

        if (random.Next(20) == 0)
        {
            body = FlipBytes(body, random, what);
        }

        var headerList = new List<(string Name, string Value)>();
        var encoding = random.Next(12) switch
        {
            0 or 1 or 2 => "gzip",
            3 => "br",
            4 => "deflate",
            5 => "lie",
            6 => "truncated-gzip",
            7 => "bomb",
            _ => "identity",
        };
        switch (encoding)
        {
            case "gzip":
                body = SentryPayloads.Gzip(body);
                headerList.Add(("Content-Encoding", "gzip"));
                break;
            case "br":
                body = Brotli(body);
                headerList.Add(("Content-Encoding", "br"));
                break;
            case "deflate":
                body = random.Next(2) == 0 ? SentryPayloads.Zlib(body) : SentryPayloads.RawDeflate(body);
                headerList.Add(("Content-Encoding", "deflate"));
                break;
            case "lie":
                var claimed = new[] { "br", "gzip", "deflate", "x-gzip", "gzip, br", "compress", "BR", "identity, gzip" }[random.Next(8)];
                if (random.Next(2) == 0)
                {
                    body = SentryPayloads.Gzip(body);
                }

                headerList.Add(("Content-Encoding", claimed));
                what.Add("lying-encoding-" + claimed);
                break;
            case "truncated-gzip":
                var gzip = SentryPayloads.Gzip(body);
                body = gzip[..random.Next(0, gzip.Length)];
                headerList.Add(("Content-Encoding", "gzip"));
                what.Add("truncated-gzip");
                break;
            case "bomb":
                body = SentryPayloads.Gzip(new byte[random.Next(1, 40) << 20]);
                headerList.Add(("Content-Encoding", random.Next(2) == 0 ? "gzip" : "x-gzip"));
                what.Add("gzip-bomb");
                break;
            default:
                break;
        }

        switch (random.Next(14))
        {
            case 0:
                what.Add("no-key");
                break;
            case 1:
                what.Add("wrong-key");
                headerList.Add(("X-Sentry-Auth", "Sentry sentry_key=0000, sentry_version=7"));
                break;
            case 2:
                what.Add("key-in-query");
                path += "?sentry_key=" + key + "&sentry_version=7";
                break;
            case 3:
                what.Add("huge-auth");
                headerList.Add(("X-Sentry-Auth", "Sentry " + new string('a', random.Next(1000, 40_000)) + ", sentry_key=" + key));
                break;
            default:
                headerList.Add(("X-Sentry-Auth", $"Sentry sentry_key={key}, sentry_version=7, sentry_client=fuzz/1"));
                break;
        }

        switch (random.Next(16))
        {
            case 0:
                what.Add("foreign-origin");
                headerList.Add(("Origin", "https://evil.example"));
                break;
            case 1:
                what.Add("null-origin");
                headerList.Add(("Origin", "null"));
                break;
            case 2:
                what.Add("rebinding-host");
                headerList.Add(("Host", "attacker.example:" + address.Port.ToString(CultureInfo.InvariantCulture)));
                break;
            default:
                break;
        }

        headerList.Add(("Content-Type", new[] { "application/x-sentry-envelope", "text/plain;charset=UTF-8", "application/json", "image/png" }[random.Next(4)]));
        var method = "POST";
        if (random.Next(30) == 0)
        {
            method = new[] { "GET", "PUT", "OPTIONS", "DELETE", "PATCH" }[random.Next(5)];
            what.Add("method-" + method);
        }

        if (random.Next(30) == 0)
        {
            path = new[] { "/", "/api/", "/api/1/", "/api/1/envelope/../store/", "/api//envelope/", "/api/1/envelope/%00", "/api/1/minidump/" }[random.Next(7)];
            what.Add("path");
        }

        var framing = random.Next(12) switch
        {
            0 => "chunked",
            1 => "chunked-absurd-size",
            2 => "chunked-bad-hex",
            3 => "length-too-long",
            4 => "length-too-short",
            5 => "length-absurd",
            6 => "length-negative",
            _ => "length",
        };
        if (framing != "length")
        {
            what.Add(framing);
        }

        var request = Frame(address, method, path, headerList, body, framing, random);
        return (what.Count == 0 ? "valid" : string.Join("+", what), request);
    }

    /// <summary>A complete HTTP/1.1 request with an exact Content-Length.</summary>
    public static byte[] Http(Uri address, string method, string path, IEnumerable<(string Name, string Value)> headers, byte[] body) =>
        Frame(address, method, path, [.. headers], body, "length", new Random(0));

    private static byte[] Frame(Uri address, string method, string path, List<(string Name, string Value)> headers, byte[] body, string framing, Random random)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"{method} {path} HTTP/1.1\r\n");
        if (!headers.Any(h => h.Name == "Host"))
        {
            head.Append(CultureInfo.InvariantCulture, $"Host: {address.Authority}\r\n");
        }

        foreach (var (name, value) in headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        byte[] payload = body;
        switch (framing)
        {
            case "chunked":
            case "chunked-absurd-size":
            case "chunked-bad-hex":
                head.Append("Transfer-Encoding: chunked\r\n");
                var chunks = new List<byte>();
                var position = 0;
                while (position < body.Length)
                {
                    var size = Math.Min(body.Length - position, random.Next(1, 70_000));
                    chunks.AddRange(Encoding.ASCII.GetBytes(size.ToString("x", CultureInfo.InvariantCulture) + "\r\n"));
                    chunks.AddRange(body.AsSpan(position, size).ToArray());
                    chunks.AddRange("\r\n"u8.ToArray());
                    position += size;
                }

                if (framing == "chunked-absurd-size")
                {
                    chunks.AddRange(Encoding.ASCII.GetBytes(new[] { "ffffffffffffffff", "7fffffff", "100000000", "fffffffffffffffffffffff" }[random.Next(4)] + "\r\nabc\r\n"));
                }
                else if (framing == "chunked-bad-hex")
                {
                    chunks.AddRange(Encoding.ASCII.GetBytes(new[] { "zz", "-1", "1;ext=\u0001", " 5", "" }[random.Next(5)] + "\r\nabcde\r\n"));
                }

                chunks.AddRange("0\r\n\r\n"u8.ToArray());
                payload = [.. chunks];
                break;
            case "length-too-long":
                head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length + random.Next(1, 1000)}\r\n");
                break;
            case "length-too-short":
                head.Append(CultureInfo.InvariantCulture, $"Content-Length: {Math.Max(0, body.Length - random.Next(1, 1000))}\r\n");
                break;
            case "length-absurd":
                head.Append(CultureInfo.InvariantCulture, $"Content-Length: {new[] { "99999999999999", "18446744073709551616", "4294967296", "2147483648" }[random.Next(4)]}\r\n");
                break;
            case "length-negative":
                head.Append("Content-Length: -5\r\n");
                break;
            default:
                head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
                break;
        }

        head.Append("Connection: close\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. payload];
    }

    private static byte[] MutateJson(byte[] json, Random random, List<string> what)
    {
        switch (random.Next(9))
        {
            case 0:
                what.Add("truncated-json");
                return json[..random.Next(0, json.Length)];
            case 1:
                what.Add("invalid-utf8");
                var copy = (byte[])json.Clone();
                copy[random.Next(copy.Length)] = (byte)random.Next(0x80, 0x100);
                return copy;
            case 2:
                what.Add("deep-nesting");
                var depth = new[] { 62, 63, 64, 65, 1000, 100_000 }[random.Next(6)];
                return Encoding.UTF8.GetBytes("{\"extra\":" + new string('[', depth) + new string(']', depth) + "," + Encoding.UTF8.GetString(json)[1..]);
            case 3:
                what.Add("huge-string");
                return Encoding.UTF8.GetBytes("{\"message\":\"" + new string('m', random.Next(10_000, 3_000_000)) + "\"," + Encoding.UTF8.GetString(json)[1..]);
            case 4:
                what.Add("duplicate-members");
                return Encoding.UTF8.GetBytes("{\"exception\":{\"values\":[]},\"event_id\":7," + Encoding.UTF8.GetString(json)[1..]);
            default:
                break;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return json;
        }

        if (node is null)
        {
            return json;
        }

        what.Add("json-values");
        for (var edits = random.Next(1, 10); edits > 0; edits--)
        {
            JsonMutation.ReplaceRandomNode(node, random, r => r.Next(12) switch
            {
                0 => null,
                1 => JsonValue.Create(1e308 * r.Next(-1, 2)), // the largest doubles; 2e308 would be infinity, which JSON cannot carry
                2 => JsonValue.Create("\ud800"),
                3 => new JsonArray(Enumerable.Range(0, r.Next(0, 5000)).Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
                4 => new JsonObject { ["values"] = new JsonArray(new JsonObject { ["type"] = "X", ["stacktrace"] = new JsonObject { ["frames"] = new JsonArray(Enumerable.Range(0, r.Next(0, 3000)).Select(i => (JsonNode?)new JsonObject { ["function"] = "f" + i, ["in_app"] = i % 2 == 0 }).ToArray()) } }) },
                5 => JsonValue.Create(r.Next(2) == 0),
                6 => JsonValue.Create(new string('z', r.Next(0, 100_000))),
                7 => JsonValue.Create(long.MaxValue),
                8 => JsonValue.Create("password=hunter2 4111 1111 1111 1111"),
                9 => new JsonObject { ["Authorization"] = "Bearer abc.def.ghi", ["Cookie"] = "a=b" },
                10 => JsonValue.Create(-1),
                _ => new JsonObject(),
            });
        }

        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    private static byte[] FlipBytes(byte[] body, Random random, List<string> what)
    {
        what.Add("bit-flips");
        var copy = (byte[])body.Clone();
        for (var i = random.Next(1, 8); i > 0 && copy.Length > 0; i--)
        {
            copy[random.Next(copy.Length)] = (byte)random.Next(256);
        }

        return copy;
    }

    private static byte[] Brotli(byte[] data)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(data);
        }

        return output.ToArray();
    }
}
