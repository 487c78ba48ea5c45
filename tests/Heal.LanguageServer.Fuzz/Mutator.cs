using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Heal.LanguageServer.Fuzz;

/// <summary>
/// Mutates captured messages: the bodies (bit flips, interesting bytes, truncation, insertion, deletion, duplication,
/// invalid UTF-8 in strings, deep nesting, JSON values replaced by values of other types, members removed, odd ids and
/// versions, methods swapped, batches, bodies spliced, messages turned into responses) and the framing (Content-Length off
/// by a little, huge, negative, not a number, missing or doubled; lower-case names, extra headers, no empty line, LF only,
/// garbage before a frame, two frames glued together).
/// </summary>
public sealed class Mutator(Random random, IReadOnlyList<string> corpus)
{
    private static readonly string[] s_methods =
    [
        "initialize", "initialized", "textDocument/didOpen", "textDocument/didChange", "textDocument/didClose", "textDocument/hover",
        "textDocument/codeLens", "textDocument/codeAction", "workspace/executeCommand", "heal/heal", "heal/mute", "heal/errorDetails",
        "heal/listErrors", "heal/openPullRequest", "$/cancelRequest", "$/setTrace", "$/progress", "unknown/method", "", "textDocument/hover/2",
        new string('m', 10_000),
    ];

    private static readonly byte[] s_interesting = [0x00, 0xff, 0x80, 0xc0, 0xc3, 0xed, 0xf4, (byte)'"', (byte)'\\', (byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)',', (byte)':', (byte)'\r', (byte)'\n'];

    private static readonly byte[][] s_invalidUtf8 = [[0xc3, 0x28], [0xe2, 0x28, 0xa1], [0xf0, 0x28, 0x8c, 0xbc], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xff], [0xf8, 0x88, 0x80, 0x80, 0x80]];

    private static readonly string[] s_weirdValues =
    [
        "null", "true", "false", "0", "-1", "2147483648", "-9223372036854775809", "1e308", "1.5", "\"\"", "\"\\u0000\"", "{}", "[]", "[1,2]",
        "\"file:///etc/passwd\"", "\"file:///../../../../etc/shadow\"", "\"\\ud800\"", "{\"uri\":null}", "\"" + new string('a', 100_000) + "\"",
        "{\"line\":-2147483648,\"character\":-1}", "{\"line\":2147483647,\"character\":2147483647}",
    ];

    public Mutation Next()
    {
        var body = Encoding.UTF8.GetBytes(corpus[random.Next(corpus.Count)]);
        var names = new List<string>();
        var rounds = random.Next(4);
        for (var i = 0; i < rounds; i++)
        {
            body = MutateBody(body, names);
        }

        return random.Next(100) < 35 ? MutateFrame(body, names) : new Mutation(FuzzServer.Frame(body), 0, Name(names));
    }

    private static string Name(List<string> names) => names.Count == 0 ? "as captured" : string.Join('+', names);

    private byte[] MutateBody(byte[] body, List<string> names)
    {
        var choice = random.Next(16);
        names.Add(choice switch
        {
            0 => "bit-flip",
            1 => "interesting-byte",
            2 => "truncate",
            3 => "insert",
            4 => "delete",
            5 => "duplicate",
            6 => "invalid-utf8",
            7 => "nesting",
            8 or 9 => "value-type",
            10 => "remove-member",
            11 => "odd-id",
            12 => "odd-version",
            13 => "swap-method",
            14 => "batch",
            _ => random.Next(2) == 0 ? "splice" : "as-response",
        });
        return choice switch
        {
            0 => FlipBits(body),
            1 => SetBytes(body, () => s_interesting[random.Next(s_interesting.Length)]),
            2 => body[..random.Next(body.Length + 1)],
            3 => Insert(body, random.Next(body.Length + 1), RandomBytes(random.Next(1, 64))),
            4 => Delete(body),
            5 => Duplicate(body),
            6 => InsertInString(body, s_invalidUtf8[random.Next(s_invalidUtf8.Length)]),
            7 => ReplaceValue(body, Nest(new[] { 10, 63, 64, 65, 1000, 100_000 }[random.Next(6)])),
            8 or 9 => ReplaceValue(body, s_weirdValues[random.Next(s_weirdValues.Length)]),
            10 => RemoveMember(body),
            11 => SetMember(body, "id", new[] { "1", "{}", "[]", "1.5", "-0", "1e3", "\"\"", "null", "true", "9223372036854775808" }[random.Next(10)]),
            12 => SetMember(body, "jsonrpc", new[] { "\"1.0\"", "2.0", "null", "\"2.00\"" }[random.Next(4)], removeInstead: random.Next(3) == 0),
            13 => SetMember(body, "method", JsonSerializer.Serialize(s_methods[random.Next(s_methods.Length)])),
            14 => Batch(body),
            _ => names[^1] == "splice" ? Splice(body) : AsResponse(body),
        };
    }

    private Mutation MutateFrame(byte[] body, List<string> names)
    {
        var length = body.Length;
        static string Header(long value) => $"Content-Length: {value.ToString(CultureInfo.InvariantCulture)}\r\n\r\n";
        long declared = -1;
        byte[] tail = [];
        string name;
        string header;
        switch (random.Next(15))
        {
            case 0:
                (name, declared) = ("length-over", length + random.Next(1, 4096));
                header = Header(declared);
                break;
            case 1:
                (name, header) = ("length-under", Header(Math.Max(0, length - random.Next(1, length + 2))));
                break;
            case 2:
                (name, header) = ("length-huge", $"Content-Length: {new[] { "67108865", "2147483647", "4294967296", "9223372036854775807", "99999999999999999999" }[random.Next(5)]}\r\n\r\n");
                break;
            case 3:
                // Exactly the cap: accepted, so the fuzzer then owes up to 64 MiB of filler; rare, or it would be most of the traffic.
                (name, declared) = random.Next(20) == 0 ? ("length-cap", 64 * 1024 * 1024) : ("length-over", length + random.Next(1, 64));
                header = Header(declared);
                break;
            case 4:
                (name, header) = ("length-not-a-number", $"Content-Length: {new[] { "-1", "abc", "0x10", "1e3", "", "1 2", "+5", "\u00b9" }[random.Next(8)]}\r\n\r\n");
                break;
            case 5:
                (name, header) = ("no-content-length", "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n");
                break;
            case 6:
                (name, header) = ("two-content-lengths", $"Content-Length: {length}\r\nContent-Length: {length + 1}\r\n\r\n");
                break;
            case 7:
                (name, header) = ("lower-case-and-extra-headers", $"content-length:{length}\r\nX-Extra: 1\r\nContent-Type: application/json\r\n\r\n");
                break;
            case 8:
                (name, header) = ("no-empty-line", $"Content-Length: {length}\r\n");
                break;
            case 9:
                (name, header) = ("lf-only", $"Content-Length: {length}\n\n");
                break;
            case 10:
                (name, header) = ("garbage-before", Encoding.Latin1.GetString(RandomBytes(random.Next(1, 200))) + Header(length));
                break;
            case 11:
                (name, header) = ("glued-frames", Header(length));
                tail = FuzzServer.Frame(MutateBody(Encoding.UTF8.GetBytes(corpus[random.Next(corpus.Count)]), names));
                break;
            case 12:
                (name, header) = ("header-bytes", $"Content-Length: {length}\r\nX-\u0000\u001b[2J: \u00ff\r\n\r\n");
                break;
            case 13:
                (name, header) = ("spaces", $"Content-Length:   {length}  \r\n\r\n");
                break;
            default:
                (name, header) = ("long-header", $"Content-Length: {length}\r\nX-Padding: {new string('p', random.Next(8000, 70_000))}\r\n\r\n");
                break;
        }

        names.Add(name);
        return new Mutation([.. Encoding.Latin1.GetBytes(header), .. body, .. tail], declared < 0 ? 0 : declared - length, Name(names));
    }

    private byte[] FlipBits(byte[] body)
    {
        var copy = (byte[])body.Clone();
        for (var i = 0; i < random.Next(1, 9) && copy.Length > 0; i++)
        {
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        }

        return copy;
    }

    private byte[] SetBytes(byte[] body, Func<byte> value)
    {
        var copy = (byte[])body.Clone();
        for (var i = 0; i < random.Next(1, 5) && copy.Length > 0; i++)
        {
            copy[random.Next(copy.Length)] = value();
        }

        return copy;
    }

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Insert(byte[] body, int at, byte[] bytes) => [.. body[..at], .. bytes, .. body[at..]];

    private byte[] Delete(byte[] body)
    {
        if (body.Length == 0)
        {
            return body;
        }

        var start = random.Next(body.Length);
        var end = Math.Min(body.Length, start + random.Next(1, 32));
        return [.. body[..start], .. body[end..]];
    }

    private byte[] Duplicate(byte[] body)
    {
        if (body.Length == 0)
        {
            return body;
        }

        var start = random.Next(body.Length);
        var end = Math.Min(body.Length, start + random.Next(1, 64));
        return Insert(body, random.Next(body.Length + 1), body[start..end]);
    }

    private byte[] InsertInString(byte[] body, byte[] bytes)
    {
        var quotes = Enumerable.Range(0, body.Length).Where(i => body[i] == (byte)'"').ToList();
        return quotes.Count == 0 ? Insert(body, random.Next(body.Length + 1), bytes) : Insert(body, quotes[random.Next(quotes.Count)] + 1, bytes);
    }

    private static string Nest(int depth) => new string('[', depth) + new string(']', depth);

    /// <summary>Parses the body (when it still parses) and replaces one value anywhere in it.</summary>
    private byte[] ReplaceValue(byte[] body, string json)
    {
        if (Parse(body) is not JsonObject root)
        {
            return body;
        }

        var values = new List<(JsonNode Parent, object Key)>();
        Walk(root, values);
        if (values.Count == 0)
        {
            return body;
        }

        var (parent, key) = values[random.Next(values.Count)];
        var replacement = Encoding.UTF8.GetBytes(json);
        var marker = "\"__fuzz_" + random.Next() + "\"";
        if (key is string name)
        {
            parent[name] = JsonValue.Create(marker[1..^1]);
        }
        else
        {
            parent[(int)key] = JsonValue.Create(marker[1..^1]);
        }

        // The replacement is spliced in as text, so values JsonNode cannot hold (huge numbers, lone surrogates, deep nesting) get through.
        var text = root.ToJsonString();
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(text[..at]), .. replacement, .. Encoding.UTF8.GetBytes(text[(at + marker.Length)..])];
    }

    private static void Walk(JsonNode node, List<(JsonNode Parent, object Key)> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj.ToList())
                {
                    values.Add((obj, name));
                    if (child is not null)
                    {
                        Walk(child, values);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    values.Add((array, i));
                    if (array[i] is { } child)
                    {
                        Walk(child, values);
                    }
                }

                break;
        }
    }

    private byte[] RemoveMember(byte[] body)
    {
        if (Parse(body) is not JsonObject root)
        {
            return body;
        }

        var objects = new List<(JsonNode Parent, object Key)>();
        Walk(root, objects);
        var members = objects.Where(v => v.Key is string).ToList();
        if (members.Count == 0)
        {
            return body;
        }

        var (parent, key) = members[random.Next(members.Count)];
        ((JsonObject)parent).Remove((string)key);
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private byte[] SetMember(byte[] body, string name, string json, bool removeInstead = false)
    {
        if (Parse(body) is not JsonObject root)
        {
            return body;
        }

        root.Remove(name);
        if (removeInstead)
        {
            return Encoding.UTF8.GetBytes(root.ToJsonString());
        }

        var text = root.ToJsonString();
        return Encoding.UTF8.GetBytes(text.Length <= 2 ? $"{{\"{name}\":{json}}}" : $"{{\"{name}\":{json},{text[1..]}");
    }

    private byte[] Batch(byte[] body)
    {
        var other = corpus[random.Next(corpus.Count)];
        return [.. "["u8, .. body, .. ","u8, .. Encoding.UTF8.GetBytes(other), .. "]"u8];
    }

    private byte[] Splice(byte[] body)
    {
        var other = Encoding.UTF8.GetBytes(corpus[random.Next(corpus.Count)]);
        return [.. body[..random.Next(body.Length + 1)], .. other[random.Next(other.Length + 1)..]];
    }

    private byte[] AsResponse(byte[] body)
    {
        var id = new[] { "1", "2", "\"capture-1\"", "999999", "null", "0" }[random.Next(6)];
        var payload = random.Next(3) switch
        {
            0 => "\"result\":null",
            1 => "\"result\":" + (Parse(body)?.ToJsonString() ?? "{}"),
            _ => "\"error\":{\"code\":-32603,\"message\":\"client error\",\"data\":[1]}",
        };
        return Encoding.UTF8.GetBytes($"{{\"jsonrpc\":\"2.0\",\"id\":{id},{payload}}}");
    }

    private static JsonNode? Parse(byte[] body)
    {
        try
        {
            // JsonNode reads objects lazily; walking it now surfaces what it would throw later (duplicate names).
            // Writing it back surfaces a value it parses but cannot write (a lone surrogate escape an earlier splice left):
            // such a body is mutated as bytes only.
            var node = JsonNode.Parse(body);
            if (node is not null)
            {
                Walk(node, []);
                _ = node.ToJsonString();
            }

            return node;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }
}
