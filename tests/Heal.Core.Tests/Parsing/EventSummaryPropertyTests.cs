using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Heal.Core.Model;
using Heal.Core.Parsing;
using Heal.Testing;

namespace Heal.Core.Tests.Parsing;

/// <summary>
/// The feed's ingest reader (<see cref="EventSummary.FromSentryJson"/>) against the full parser followed by
/// <see cref="EventSummary.FromEvent"/>: for real SDK events, mutations of them and generated events that stress every
/// rule the two share (duplicates, cuts, kinds, escapes), both succeed or fail together and agree on every stored column
/// and the fingerprint.
/// </summary>
public sealed class EventSummaryPropertyTests
{
    private static readonly string[] s_fixtures = ["dotnet.json", "node.json", "python.json", "go.json", "ruby.json"];

    [Fact]
    public void FromSentryJson_RealSdkEvents_EqualsTheFullParser()
    {
        var events = s_fixtures.Select(SentryJsonCheck.Fixture).Concat(CorpusEvents()).ToList();
        Assert.True(events.Count >= 25, $"expected the SDK fixtures and the corpus events, found {events.Count}");
        foreach (var json in events)
        {
            var summary = CheckSame(Encoding.UTF8.GetBytes(json));
            Assert.NotNull(summary);
            Assert.NotEqual("message", summary.Type);
        }
    }

    [Fact]
    public void FromSentryJson_RealEventsWithValuesOfOtherKinds_EqualsTheFullParser()
    {
        var random = new Random(23);
        foreach (var json in s_fixtures.Select(SentryJsonCheck.Fixture).Concat(CorpusEvents().Take(6)))
        {
            for (var i = 0; i < 60; i++)
            {
                var node = JsonNode.Parse(json)!;
                for (var edits = random.Next(1, 8); edits > 0; edits--)
                {
                    Mutate(node, random);
                }

                CheckSame(Encoding.UTF8.GetBytes(node.ToJsonString()));
            }
        }
    }

    [Fact]
    public void FromSentryJson_TruncatedRealEvents_FailLikeTheFullParser()
    {
        foreach (var name in s_fixtures)
        {
            var bytes = Encoding.UTF8.GetBytes(SentryJsonCheck.Fixture(name));
            for (var length = 0; length <= bytes.Length; length += 5)
            {
                var prefix = bytes.AsSpan(0, length).ToArray();
                if (System.Text.Unicode.Utf8.IsValid(prefix))
                {
                    CheckSame(prefix);
                }
            }
        }
    }

    [Fact]
    public void FromSentryJson_GeneratedEvents_EqualsTheFullParser()
    {
        var random = new Random(29);
        for (var i = 0; i < 1500; i++)
        {
            CheckSame(Encoding.UTF8.GetBytes(GeneratedEvent(random)));
        }
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"event\"")]
    [InlineData("{} {}")]
    [InlineData("{\"a\":1,}")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\ufeff{}")]
    [InlineData("{\"timestamp\":1e400,\"exception\":[{\"type\":1e999,\"stacktrace\":{\"frames\":[{\"lineno\":1e400,\"in_app\":1}]}}]}")]
    public void FromSentryJson_EdgeDocuments_AgreeWithTheFullParser(string json) => CheckSame(Encoding.UTF8.GetBytes(json));

    /// <summary>
    /// A chain longer than the cut whose only exception with frames sits at <paramref name="withFrames"/>: on each side of
    /// the cut (the first <see cref="SentryEventJson.MaxExceptions"/> - 1 are kept, then only the last), the culprit is
    /// that one or the first.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(SentryEventJson.MaxExceptions - 2)]
    [InlineData(SentryEventJson.MaxExceptions - 1)]
    [InlineData(23)]
    [InlineData(24)]
    public void FromSentryJson_ChainAroundTheCut_ChoosesTheCulpritLikeTheFullParser(int withFrames)
    {
        var chain = Enumerable.Range(0, 25).Select(i => i == withFrames
            ? $"{{\"type\":\"E{i}\",\"stacktrace\":{{\"frames\":[{{\"function\":\"F{i}\",\"lineno\":{i + 1},\"in_app\":true}}]}}}}"
            : $"{{\"type\":\"E{i}\",\"value\":\"v{i}\"}}");
        var summary = CheckSame(Encoding.UTF8.GetBytes($"{{\"exception\":{{\"values\":[{string.Join(",", chain)}]}}}}"));

        Assert.NotNull(summary);
    }

    /// <summary>
    /// A stack longer than the cut whose only in-app frame sits at <paramref name="inApp"/>: frames past the first
    /// <see cref="SentryEventJson.MaxFramesOutermost"/> and before the last <see cref="SentryEventJson.MaxFramesNearCrash"/>
    /// are dropped, so whether that frame groups the event depends on which side of the cut it is.
    /// </summary>
    [Theory]
    [InlineData(SentryEventJson.MaxFramesOutermost - 1)]
    [InlineData(SentryEventJson.MaxFramesOutermost)]
    [InlineData(19)]
    [InlineData(20)]
    [InlineData(269)]
    public void FromSentryJson_FramesAroundTheCut_ChoosesFramesLikeTheFullParser(int inApp)
    {
        var frames = Enumerable.Range(0, 270).Select(i =>
            $"{{\"function\":\"F{i}\",\"filename\":\"f{i}.cs\",\"lineno\":{i + 1},\"in_app\":{(i == inApp ? "true" : "false")}}}");
        var summary = CheckSame(Encoding.UTF8.GetBytes($"{{\"exception\":[{{\"type\":\"E\",\"stacktrace\":{{\"frames\":[{string.Join(",", frames)}]}}}}]}}"));

        Assert.NotNull(summary);
    }

    [Fact]
    public void FromSentryJson_NestedDeeperThanTheLimit_FailsLikeTheFullParser()
    {
        CheckSame(Encoding.UTF8.GetBytes("{\"extra\":" + new string('[', 63) + new string(']', 63) + "}"));
        CheckSame(Encoding.UTF8.GetBytes("{\"extra\":" + new string('[', 64) + new string(']', 64) + "}"));
    }

    /// <summary>Both readers on the same bytes: same success, same summary. Returns the summary.</summary>
    private static EventSummary? CheckSame(byte[] utf8)
    {
        var full = ErrorEvent.FromSentryJson(utf8, SentryJsonCheck.ReceivedAt);
        var lean = EventSummary.FromSentryJson(utf8, SentryJsonCheck.ReceivedAt);
        var input = utf8.Length < 400 ? Encoding.UTF8.GetString(utf8) : Encoding.UTF8.GetString(utf8, 0, 400) + "…";
        Assert.True(full.Succeeded == lean.Succeeded,
            $"full parser {(full.Succeeded ? "read" : "refused")} it, ingest reader {(lean.Succeeded ? "read" : "refused")} it: {string.Join("; ", full.Problems.Concat(lean.Problems))}\n{input}");
        if (full.Value is null)
        {
            return null;
        }

        var expected = EventSummary.FromEvent(full.Value);
        Assert.True(expected == lean.Value, $"expected {expected}\nactual   {lean.Value}\n{input}");
        return lean.Value;
    }

    private static IEnumerable<string> CorpusEvents()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Heal.Lsp.sln")))
        {
            folder = folder.Parent;
        }

        Assert.NotNull(folder);
        return Directory.GetDirectories(Path.Combine(folder.FullName, "tests", "corpus"))
            .Select(d => Path.Combine(d, "event.json")).Where(File.Exists).Order(StringComparer.Ordinal).Select(File.ReadAllText);
    }

    private static void Mutate(JsonNode root, Random random) =>
        JsonMutation.ReplaceRandomNode(root, random, r => r.Next(10) switch
        {
            0 => null,
            1 => JsonValue.Create(r.Next(-5, 5) * 1e300),
            2 => JsonValue.Create("\ud800 x"),
            3 => new JsonArray(JsonValue.Create(1), new JsonArray(), null),
            4 => new JsonObject { ["values"] = new JsonArray(JsonValue.Create("x")) },
            5 => JsonValue.Create(r.Next(2) == 0),
            6 => JsonValue.Create(new string('z', r.Next(8190, 8195)) + "\U0001F600"),
            7 => JsonValue.Create(r.Next(-3, 100_000)),
            8 => JsonValue.Create("12.0"),
            _ => new JsonObject(),
        });

    /// <summary>
    /// A random event written as text (so it can hold duplicate members and escapes a DOM would normalise): chains
    /// around the cut, frames around theirs, every kind where a string or number is expected, threads, log entries,
    /// custom fingerprints.
    /// </summary>
    private static string GeneratedEvent(Random random)
    {
        var members = new List<string>();
        void Add(string name, string value) => members.Add($"{Name(name, random)}:{value}");

        if (random.Next(4) > 0)
        {
            Add("event_id", random.Next(6) switch
            {
                0 => Str(Guid.NewGuid().ToString("D")),
                1 => Str(Guid.NewGuid().ToString("N").ToUpperInvariant()),
                2 => Str("not-an-id"),
                3 => "42",
                _ => Str(Guid.NewGuid().ToString("N")),
            });
        }

        if (random.Next(4) > 0)
        {
            Add("timestamp", random.Next(9) switch
            {
                0 => "1700000000.123",
                1 => Str("1700000000"),
                2 => Str("2026-01-02T03:04:05.123456789Z"),
                3 => Str("yesterday"),
                4 => "-5",
                5 => "null",
                6 => Str(new string('9', 70)),
                7 => "1e20",
                _ => Str("2026-01-02T03:04:05+02:00"),
            });
        }

        if (random.Next(2) == 0)
        {
            Add("release", AnyScalar(random));
        }

        if (random.Next(3) == 0)
        {
            Add("message", random.Next(4) switch
            {
                0 => AnyScalar(random),
                1 => $"{{\"formatted\":{AnyScalar(random)},\"message\":{AnyScalar(random)}}}",
                2 => "{}",
                _ => "[1]",
            });
        }

        if (random.Next(3) == 0)
        {
            Add("logentry", random.Next(3) == 0 ? AnyScalar(random) : $"{{\"message\":{AnyScalar(random)}}}");
        }

        var exceptions = random.Next(4);
        for (var e = 0; e < exceptions; e++)
        {
            Add("exception", random.Next(6) switch
            {
                0 => Chain(random),
                1 => "null",
                2 => "{\"values\":" + Chain(random) + ",\"values\":" + (random.Next(2) == 0 ? "3" : Chain(random)) + "}",
                3 => "\"oops\"",
                _ => "{\"values\":" + Chain(random) + "}",
            });
        }

        if (random.Next(4) == 0)
        {
            Add("stacktrace", random.Next(3) == 0 ? "null" : Stacktrace(random));
        }

        if (random.Next(4) == 0)
        {
            var threads = string.Join(",", Enumerable.Range(0, random.Next(0, 5)).Select(_ => random.Next(5) == 0 ? "7" :
                $"{{\"id\":1,\"crashed\":{Bool(random)},\"current\":{Bool(random)},\"stacktrace\":{(random.Next(4) == 0 ? "[]" : Stacktrace(random))}}}"));
            Add("threads", random.Next(2) == 0 ? $"[{threads}]" : $"{{\"values\":[{threads}]}}");
        }

        if (random.Next(4) == 0)
        {
            var parts = Enumerable.Range(0, random.Next(0, 40)).Select(_ => random.Next(5) switch
            {
                0 => Str("{{ default }}"),
                1 => "{}",
                2 => "3.5",
                _ => AnyScalar(random),
            });
            Add("fingerprint", random.Next(6) == 0 ? "\"x\"" : $"[{string.Join(",", parts)}]");
        }

        if (random.Next(3) == 0)
        {
            Add("breadcrumbs", "{\"values\":[{\"message\":\"GET /\"}]}");
        }

        // Shuffle: members come in any order.
        var shuffled = members.OrderBy(_ => random.Next()).ToList();
        return "{" + string.Join(random.Next(2) == 0 ? "," : " ,\n ", shuffled) + "}";
    }

    private static string Chain(Random random)
    {
        var count = random.Next(6) == 0 ? random.Next(17, 25) : random.Next(0, 4);
        var items = Enumerable.Range(0, count).Select(_ => random.Next(8) switch
        {
            0 => "\"not an exception\"",
            1 => "{}",
            _ => Exception(random),
        });
        return "[" + string.Join(",", items) + "]";
    }

    private static string Exception(Random random)
    {
        var members = new List<string>();
        if (random.Next(5) > 0)
        {
            members.Add("\"type\":" + (random.Next(5) == 0 ? AnyScalar(random) : Str(random.Next(3) == 0 ? "ValueError" : "System.NullReferenceException")));
        }

        if (random.Next(3) > 0)
        {
            members.Add("\"value\":" + AnyScalar(random));
        }

        if (random.Next(3) == 0)
        {
            members.Add("\"module\":" + (random.Next(2) == 0 ? Str("myapp.errors") : AnyScalar(random)));
        }

        if (random.Next(4) > 0)
        {
            members.Add("\"stacktrace\":" + (random.Next(6) == 0 ? AnyScalar(random) : Stacktrace(random)));
        }

        if (random.Next(8) == 0)
        {
            members.Add("\"type\":\"Duplicate\"");
        }

        return "{" + string.Join(",", members.OrderBy(_ => random.Next())) + "}";
    }

    private static string Stacktrace(Random random)
    {
        var count = random.Next(8) == 0 ? random.Next(255, 270) : random.Next(0, 12);
        var frames = Enumerable.Range(0, count).Select(i => random.Next(15) == 0 ? "null" : Frame(random, i));
        var framesValue = random.Next(10) == 0 ? "{}" : "[" + string.Join(",", frames) + "]";
        return random.Next(10) == 0 ? "{\"frames\":null}" : "{\"frames\":" + framesValue + "}";
    }

    private static string Frame(Random random, int i)
    {
        var members = new List<string>();
        string Maybe(string text) => random.Next(6) == 0 ? AnyScalar(random) : Str(text);
        if (random.Next(4) > 0)
        {
            members.Add("\"function\":" + Maybe($"void Shop.Step{i % 7}(int a)"));
        }

        if (random.Next(3) > 0)
        {
            members.Add("\"module\":" + Maybe(random.Next(2) == 0 ? "Shop.Orders" : "shop.orders"));
        }

        if (random.Next(3) > 0)
        {
            members.Add("\"filename\":" + Maybe($"Orders/Step{i % 5}.cs"));
        }

        if (random.Next(3) == 0)
        {
            members.Add("\"abs_path\":" + Maybe($"/src/Orders/Step{i % 5}.cs"));
        }

        if (random.Next(2) == 0)
        {
            members.Add("\"lineno\":" + (random.Next(4) switch { 0 => "0", 1 => Str("12"), 2 => "7.5", _ => (1 + i).ToString(CultureInfo.InvariantCulture) }));
        }

        if (random.Next(3) == 0)
        {
            members.Add("\"colno\":" + (random.Next(3) == 0 ? "\"x\"" : "3"));
        }

        if (random.Next(4) > 0)
        {
            members.Add("\"in_app\":" + random.Next(5) switch { 0 => "null", 1 => "\"yes\"", 2 => "false", _ => "true" });
        }

        if (random.Next(5) == 0)
        {
            members.Add("\"vars\":{\"password\":\"hunter2\"}");
        }

        return "{" + string.Join(",", members.OrderBy(_ => random.Next())) + "}";
    }

    private static string AnyScalar(Random random) => random.Next(12) switch
    {
        0 => "null",
        1 => "true",
        2 => "12",
        3 => "-0.5e3",
        4 => "{\"a\":[1]}",
        5 => "[]",
        6 => Str(new string('x', random.Next(8185, 8200))),
        7 => "\"\\ud800 lone\"",
        8 => "\"caf\\u00e9 \\\"quoted\\\" \\n line\"",
        9 => Str("Order 42 failed at 0x1f for user 1234"),
        10 => Str(""),
        _ => Str("Object reference not set to an instance of an object."),
    };

    private static string Bool(Random random) => random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" };

    /// <summary>A member name, sometimes escaped (<c>"ev\u0065nt_id"</c>) as JSON allows.</summary>
    private static string Name(string name, Random random) =>
        random.Next(10) == 0 ? "\"" + name[..1] + "\\u" + ((int)name[1]).ToString("x4", CultureInfo.InvariantCulture) + name[2..] + "\"" : "\"" + name + "\"";

    private static string Str(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
