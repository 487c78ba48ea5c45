using System.Text;
using System.Text.Json.Nodes;
using Heal.Core.Model;
using Heal.Testing;

namespace Heal.Core.Tests.Parsing;

/// <summary>
/// Hostile and broken input, seeded so failures reproduce: the parsers must return a result (a value, or problems)
/// and never throw, and the safety net in the JSON reader must never be what caught it.
/// </summary>
public sealed class ParserFuzzTests
{
    private static readonly string[] Fixtures = ["dotnet.json", "node.json", "python.json", "go.json", "ruby.json"];

    private static readonly string[] TraceTokens =
    [
        "   at ", "    at ", "\tat ", "(", ")", " in ", ":line ", "\n", "\t", "  File \"", "\", line ", ", in ", "panic: ",
        "goroutine 1 [running]:", "Caused by: ", "... 3 more", " ---> ", "--- End of inner exception stack trace ---",
        "Traceback (most recent call last):", "42", "0x1d", "/app/a.js", "/app/x.py", "Y.java", ".go", ":", ":in `", "'",
        "\tfrom ", " (RuntimeError)", "System.Exception: ", "TypeError: ", "[cause]: ", " {", "<", ">", "`1", " +0x", "\r\n",
        "\u0000", "\ud800", "é", "During handling of the above exception, another exception occurred:",
    ];

    [Fact]
    public void FromSentryJson_RandomBytes_NeverThrows()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            if (i % 2 == 0 && bytes.Length > 0)
            {
                bytes[0] = (byte)'{';
            }

            CheckJson(bytes);
        }
    }

    [Fact]
    public void FromSentryJson_TruncatedAndBitFlippedFixtures_NeverThrow()
    {
        var random = new Random(11);
        foreach (var name in Fixtures)
        {
            var bytes = Encoding.UTF8.GetBytes(SentryJsonCheck.Fixture(name));
            for (var length = 0; length < bytes.Length; length += 7)
            {
                CheckJson(bytes.AsSpan(0, length).ToArray());
            }

            for (var i = 0; i < 300; i++)
            {
                var copy = (byte[])bytes.Clone();
                for (var flips = random.Next(1, 5); flips > 0; flips--)
                {
                    copy[random.Next(copy.Length)] = (byte)random.Next(256);
                }

                CheckJson(copy);
            }
        }
    }

    [Fact]
    public void FromSentryJson_ValuesReplacedByOtherJsonKinds_NeverThrowAndStillParse()
    {
        var random = new Random(13);
        foreach (var name in Fixtures)
        {
            for (var i = 0; i < 200; i++)
            {
                var node = JsonNode.Parse(SentryJsonCheck.Fixture(name))!;
                for (var edits = random.Next(1, 6); edits > 0; edits--)
                {
                    ReplaceRandomValue(node, random);
                }

                var result = CheckJson(Encoding.UTF8.GetBytes(node.ToJsonString()));
                // The root stays an object, so there is always something usable.
                Assert.True(result.Succeeded, string.Join("\n", result.Problems));
            }
        }
    }

    [Theory]
    [InlineData(100_000, "[")]
    [InlineData(20_000, "{\"a\":")]
    [InlineData(65, "[")]
    public void FromSentryJson_DeeplyNested_FailsWithoutThrowing(int depth, string open)
    {
        var json = "{\"extra\":" + string.Concat(Enumerable.Repeat(open, depth));
        var result = CheckJson(Encoding.UTF8.GetBytes(json));
        Assert.False(result.Succeeded);
    }

    [Fact]
    public void FromStackTraceText_RandomTraceLikeText_NeverThrows()
    {
        var random = new Random(17);
        for (var i = 0; i < 3000; i++)
        {
            var text = new StringBuilder();
            for (var t = random.Next(0, 60); t > 0; t--)
            {
                text.Append(random.Next(4) == 0 ? ((char)random.Next(32, 0x2FF)).ToString() : TraceTokens[random.Next(TraceTokens.Length)]);
            }

            CheckTrace(text.ToString());
        }
    }

    [Fact]
    public void FromStackTraceText_RandomBytesAndTruncatedTraces_NeverThrow()
    {
        var random = new Random(19);
        for (var i = 0; i < 1000; i++)
        {
            var bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);
            CheckTrace(Encoding.UTF8.GetString(bytes));
        }

        var trace = "System.InvalidOperationException: outer\n ---> System.Exception: inner\n   at A.B.C() in /a.cs:line 1\n   --- End of inner exception stack trace ---\n   at A.B.D()\n"
            + "Traceback (most recent call last):\n  File \"/a.py\", line 3, in f\n    x()\nValueError: v\n"
            + "panic: p\n\ngoroutine 1 [running]:\nmain.f()\n\t/a.go:1 +0x1\n";
        for (var length = 0; length <= trace.Length; length++)
        {
            CheckTrace(trace[..length]);
        }
    }

    [Fact]
    public void Parsers_TenThousandFramesEachLanguage_NeverThrowAndAreBounded()
    {
        string[] traces =
        [
            "TypeError: x\n" + Repeat(i => $"    at f{i} (/app/a.js:{i + 1}:1)\n"),
            "Traceback (most recent call last):\n" + Repeat(i => $"  File \"/a.py\", line {i + 1}, in f{i}\n") + "ValueError: v\n",
            "java.lang.Exception: x\n" + Repeat(i => $"\tat a.B.m{i}(B.java:{i + 1})\n"),
            "panic: x\n\ngoroutine 1 [running]:\n" + Repeat(i => $"main.f{i}()\n\t/a.go:{i + 1} +0x1\n"),
            "/a.rb:1:in `m': x (RuntimeError)\n" + Repeat(i => $"\tfrom /a.rb:{i + 1}:in `m{i}'\n"),
        ];
        foreach (var trace in traces)
        {
            var result = CheckTrace(trace);
            Assert.True(result.Succeeded, string.Join("\n", result.Problems));
            Assert.Equal(260, result.Value!.Exceptions[^1].Frames.Length);
        }
    }

    private static string Repeat(Func<int, string> line) => string.Concat(Enumerable.Range(0, 10_000).Select(line));

    private static ParseResult<ErrorEvent> CheckJson(byte[] bytes)
    {
        var result = ErrorEvent.FromSentryJson(bytes);
        Assert.True(result.Succeeded || result.Problems.Length > 0);
        Assert.DoesNotContain(result.Problems, p => p.Message.StartsWith("Internal parser error", StringComparison.Ordinal));
        return result;
    }

    private static ParseResult<ErrorEvent> CheckTrace(string text)
    {
        var result = ErrorEvent.FromStackTraceText(text);
        Assert.True(result.Succeeded || result.Problems.Length > 0);
        Assert.DoesNotContain(result.Problems, p => p.Message.StartsWith("Internal parser error", StringComparison.Ordinal));
        return result;
    }

    private static void ReplaceRandomValue(JsonNode root, Random random) =>
        JsonMutation.ReplaceRandomNode(root, random, r => r.Next(7) switch
        {
            0 => null,
            1 => JsonValue.Create(r.Next(-5, 5) * 1e300),
            2 => JsonValue.Create("\ud800 x"),
            3 => new JsonArray(JsonValue.Create(1), new JsonArray(), null),
            4 => new JsonObject { ["values"] = new JsonArray(JsonValue.Create("x")) },
            5 => JsonValue.Create(false),
            _ => JsonValue.Create(new string('z', 10_000)),
        });
}
