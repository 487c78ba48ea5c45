using System.Text;
using Heal.Core.Model;
using Heal.Core.Parsing;
using static Heal.Core.Tests.Parsing.SentryJsonCheck;

namespace Heal.Core.Tests.Parsing;

public sealed class SentryEventJsonTests
{
    [Fact]
    public void FromSentryJson_DotnetFixture_ReadsSignaturesWithoutContext() => Renders(Fixture("dotnet.json"), """
        7f3c9e2a41b64d0e9a8f2c1b5d6e7f80 2026-11-28T02:10:03.1234567Z csharp fatal
        release=Demo@1.4.2+9c1e0f3 env=production server=web-01
        exception System.NullReferenceException: Object reference not set to an instance of an object. [AppDomain.UnhandledException handled=false]
           | void Program.Main(string[] args) | Program.cs | /src/Demo/Program.cs | 12:9 | in_app=true
           | int Worker.Run(string path) | Worker.cs | /src/Demo/Worker.cs | 27:13 | in_app=true
           | int Worker.Helper(int a, int b) | Worker.cs | /src/Demo/Worker.cs | 41:17 | in_app=true
        """, withContext: true);

    [Fact]
    public void FromSentryJson_NodeFixture_ReadsEpochFloatAndContextLines() => Renders(Fixture("node.json"), """
        c2a9f1d07e3b4a5c8d6e9f0a1b2c3d4e 2026-11-28T02:10:03.5120000Z node fatal
        release=shop@2.7.0 env=production server=web-02
        exception TypeError: Cannot read properties of undefined (reading 'name') [onuncaughtexception handled=false]
          run_main_module | node:internal/main/run_main_module | node:internal/main/run_main_module |  | 36:49 | in_app=false
          run_main | Function.executeUserEntryPoint [as runMain] | node:internal/modules/run_main |  | 164:12 | in_app=false
          express.lib.router:layer | Layer.handle [as handle_request] | /app/node_modules/express/lib/router/layer.js |  | 95:5 | in_app=false
            >     fn(req, res, next); (pre 3, post 3)
          routes:users | showUser | /app/src/routes/users.js |  | 18:22 | in_app=true
            >   res.send(greeting(user)); (pre 2, post 2)
          greeting | greeting | /app/src/greeting.js |  | 4:27 | in_app=true
            >   return `Hello, ${user.profile.name}!`; (pre 3, post 3)
        """, withContext: true);

    [Fact]
    public void FromSentryJson_PythonFixture_ReadsChainAbsPathAndVarsOfAnyKind() => Renders(Fixture("python.json"), """
        5d0c0c57b8d94f5fa4e7a3b2c1d0e9f8 2026-11-28T02:10:03.5123450Z python error
        release=3f1c2b9a8e7d env=production server=worker-3
        exception KeyError: 'sku'
          __main__ | <module> | app.py | /srv/shop/app.py | 24: | in_app=true
            >     print(total(order)) (pre 3, post 0)
            __doc__ = None
            __file__ = '/srv/shop/app.py'
            __name__ = '__main__'
            __package__ = None
            order = {"id": "7", "items": [{"qty": "2"}]}
          shop.pricing | total | shop/pricing.py | /srv/shop/shop/pricing.py | 11: | in_app=true
            >     for item in order["items"]: result += price(item) (pre 2, post 1)
            item = {"qty": "2"}
            order = {"id": "7", "items": [{"qty": "2"}]}
            result = 0
          shop.pricing | price | shop/pricing.py | /srv/shop/shop/pricing.py | 5: | in_app=true
            >     return PRICES[item["sku"]] * item["qty"] (pre 3, post 2)
            count = 3
            item = {"qty": "2"}
            missing = null
            ok = true
        exception ValueError: order 7 could not be priced [excepthook handled=false]
          __main__ | <module> | app.py | /srv/shop/app.py | 26: | in_app=true
            >     raise ValueError(f"order {order['id']} could not be priced") from e (pre 0, post 0)
        """, withContext: true);

    [Fact]
    public void FromSentryJson_GoFixture_ReadsBareExceptionArrayAndNanosecondTimestamp() => Renders(Fixture("go.json"), """
        0b1d5a7e2c9f4e3a8b6d1c0e9f8a7b6c 2026-11-28T02:10:03.5123457Z go error
        release=inventory@0.3.1 env= server=inv-1
        exception *strconv.NumError: strconv.Atoi: parsing "12a": invalid syntax
          main | main |  | /home/build/inventory/main.go | 31: | in_app=true
          main | load |  | /home/build/inventory/main.go | 18: | in_app=true
        """);

    [Fact]
    public void FromSentryJson_RubyFixture_ReadsNullContextEntriesAndEmptyMessage() => Renders(Fixture("ruby.json"), """
        9a8b7c6d5e4f40318293a4b5c6d7e8f9 2026-11-28T02:10:03.0000000Z ruby error
        release= env=development server=rb-host
        message: 
        exception ZeroDivisionError: divided by 0
           | <main> | report.rb | /app/report.rb | 14: | in_app=true
            > puts average(totals) (pre 3, post 3)
           | average | report.rb | /app/report.rb | 9: | in_app=true
            >   sum / totals[:count] (pre 3, post 3)
           | / | report.rb | /app/report.rb | 9: | in_app=true
        """, withContext: true);

    [Fact]
    public void FromSentryJson_Fixtures_KeepRequestUserTagsAndContexts()
    {
        var node = Parses(Fixture("node.json"));
        Assert.Equal("http://localhost:3000/users/42?verbose=1", node.Request!.Url);
        Assert.Equal("curl/8.5.0", node.Request.Headers["user-agent"]);
        Assert.Equal("""{"name":"node","version":"v20.19.2"}""", node.Contexts["runtime"]);
        var dotnet = Parses(Fixture("dotnet.json"));
        Assert.Equal("{{auto}}", dotnet.User!.IpAddress);
        Assert.Equal(3, dotnet.Contexts.Count);
    }

    [Theory]
    [InlineData("\"2026-11-28T02:10:03Z\"", "2026-11-28T02:10:03.0000000Z")]
    [InlineData("\"2026-11-28T04:10:03.25+02:00\"", "2026-11-28T02:10:03.2500000Z")]
    [InlineData("\"2026-11-28T02:10:03.123456\"", "2026-11-28T02:10:03.1234560Z")]
    [InlineData("\"2026-11-28T02:10:03.123456789Z\"", "2026-11-28T02:10:03.1234568Z")]
    [InlineData("1795831803.5", "2026-11-28T02:10:03.5000000Z")]
    [InlineData("1795831803", "2026-11-28T02:10:03.0000000Z")]
    [InlineData("\"1795831803.25\"", "2026-11-28T02:10:03.2500000Z")]
    public void FromSentryJson_TimestampVariants_AreRead(string timestamp, string expected)
    {
        var e = Parses($$"""{"event_id":"{{new string('a', 32)}}","timestamp":{{timestamp}}}""");
        Assert.Equal(expected, e.Timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffff") + "Z");
    }

    [Theory]
    [InlineData("", "no timestamp")]
    [InlineData(",\"timestamp\":null", "no timestamp")]
    [InlineData(",\"timestamp\":\"yesterday\"", "not an ISO 8601")]
    [InlineData(",\"timestamp\":-5", "not an ISO 8601")]
    [InlineData(",\"timestamp\":{}", "not an ISO 8601")]
    public void FromSentryJson_TimestampMissingOrInvalid_UsesReceivedAtWithProblem(string timestamp, string problem)
    {
        var e = Parses($$"""{"event_id":"{{new string('a', 32)}}"{{timestamp}}}""", problem);
        Assert.Equal(ReceivedAt, e.Timestamp);
    }

    [Fact]
    public void FromSentryJson_NoReceivedAt_DefaultsToUnixEpoch()
    {
        var result = ErrorEvent.FromSentryJson("{}");
        Assert.Equal(DateTimeOffset.UnixEpoch, result.Value!.Timestamp);
    }

    [Theory]
    [InlineData("ABCDEF0123456789ABCDEF0123456789", "abcdef0123456789abcdef0123456789")]
    [InlineData("abcdef01-2345-6789-abcd-ef0123456789", "abcdef0123456789abcdef0123456789")]
    public void FromSentryJson_EventIdWithDashesOrUpperCase_IsNormalised(string id, string expected) =>
        Assert.Equal(expected, Parses($$"""{"event_id":"{{id}}","timestamp":1}""").Id);

    [Theory]
    [InlineData("")]
    [InlineData(",\"event_id\":\"not-hex\"")]
    [InlineData(",\"event_id\":42")]
    [InlineData(",\"event_id\":\"abcdef0123456789abcdef012345678\"")]
    public void FromSentryJson_EventIdMissingOrInvalid_IsDerivedFromPayload(string id)
    {
        var json = $$"""{"timestamp":1{{id}}}""";
        var first = Parses(json, "event_id");
        Assert.Matches("^[0-9a-f]{32}$", first.Id);
        Assert.Equal(first.Id, Parses(json, "event_id").Id);
        Assert.NotEqual(first.Id, Parses($$"""{"timestamp":2{{id}}}""", "event_id").Id);
    }

    [Theory]
    [InlineData("\"message\":\"plain\"", "plain")]
    [InlineData("\"message\":{\"formatted\":\"user 7 not found\",\"message\":\"user %s not found\"}", "user 7 not found")]
    [InlineData("\"message\":{\"message\":\"user %s not found\"}", "user %s not found")]
    [InlineData("\"logentry\":{\"formatted\":\"from logentry\"}", "from logentry")]
    [InlineData("\"message\":null,\"logentry\":{\"message\":\"template only\"}", "template only")]
    public void FromSentryJson_MessageVariants_AreRead(string member, string expected) =>
        Assert.Equal(expected, Parses($$"""{"event_id":"{{new string('b', 32)}}","timestamp":1,{{member}}}""").Message);

    [Theory]
    [InlineData("\"stacktrace\":{\"frames\":[{\"function\":\"a\"},{\"function\":\"b\"}]}", "a,b")]
    [InlineData("\"threads\":{\"values\":[{\"id\":1,\"stacktrace\":{\"frames\":[{\"function\":\"other\"}]}},{\"id\":2,\"current\":true,\"stacktrace\":{\"frames\":[{\"function\":\"mine\"}]}}]}", "mine")]
    [InlineData("\"threads\":[{\"current\":true,\"stacktrace\":{\"frames\":[{\"function\":\"cur\"}]}},{\"crashed\":true,\"stacktrace\":{\"frames\":[{\"function\":\"crash\"}]}}]", "crash")]
    [InlineData("\"threads\":{\"values\":[{\"id\":1,\"stacktrace\":{\"frames\":[{\"function\":\"first\"}]}}]}", "first")]
    public void FromSentryJson_MessageEventStacktrace_IsReadFromEventOrThread(string member, string functions)
    {
        var e = Parses($$"""{"event_id":"{{new string('c', 32)}}","timestamp":1,"message":"m",{{member}}}""");
        Assert.Empty(e.Exceptions);
        Assert.Equal(functions, string.Join(",", e.Stacktrace.Select(f => f.Function)));
    }

    [Theory]
    [InlineData("\"a=1&b=2\"", "a=1&b=2")]
    [InlineData("{\"a\":\"1\",\"b\":\"x y\"}", "a=1&b=x%20y")]
    [InlineData("[[\"a\",\"1\"],[\"a\",\"2\"]]", "a=1&a=2")]
    public void FromSentryJson_QueryStringVariants_BecomeText(string query, string expected) =>
        Assert.Equal(expected, Parses($$$"""{"event_id":"{{{new string('d', 32)}}}","timestamp":1,"request":{"query_string":{{{query}}}}}""").Request!.QueryString);

    [Theory]
    [InlineData("\"name=x\"", "name=x")]
    [InlineData("{\"name\":\"x\",\"n\":[1,2]}", "{\"name\":\"x\",\"n\":[1,2]}")]
    [InlineData("42", "42")]
    public void FromSentryJson_RequestDataOfAnyKind_BecomesText(string data, string expected) =>
        Assert.Equal(expected, Parses($$$"""{"event_id":"{{{new string('d', 32)}}}","timestamp":1,"request":{"data":{{{data}}}}}""").Request!.Data);

    [Theory]
    [InlineData("\"tags\":{\"region\":\"eu\",\"shard\":3}", "region=eu;shard=3")]
    [InlineData("\"tags\":[[\"region\",\"eu\"],[\"shard\",\"3\"]]", "region=eu;shard=3")]
    [InlineData("\"request\":{\"headers\":[[\"Host\",\"a\"],[\"Accept\",\"b\"]]},\"tags\":{}", "")]
    public void FromSentryJson_PairsAsObjectOrArray_AreRead(string member, string expected)
    {
        var e = Parses($$"""{"event_id":"{{new string('e', 32)}}","timestamp":1,{{member}}}""");
        Assert.Equal(expected, string.Join(";", e.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}")));
    }

    [Fact]
    public void FromSentryJson_HeadersAsPairs_AreRead()
    {
        var e = Parses($$$"""{"event_id":"{{{new string('e', 32)}}}","timestamp":1,"request":{"headers":[["Host","a"],["Accept","b"]]}}""");
        Assert.Equal("a", e.Request!.Headers["Host"]);
        Assert.Equal("b", e.Request.Headers["Accept"]);
    }

    [Fact]
    public void FromSentryJson_UserAndFingerprint_AreRead()
    {
        var e = Parses($$$"""{"event_id":"{{{new string('f', 32)}}}","timestamp":1,"user":{"id":42,"username":"ann","email":"a@x.io","ip_address":"10.0.0.1"},"fingerprint":["{{ default }}","db",3]}""");
        Assert.Equal(new UserInfo("42", "ann", "a@x.io", "10.0.0.1"), e.User);
        Assert.Equal(["{{ default }}", "db", "3"], e.SdkFingerprint.ToArray());
    }

    [Theory]
    [InlineData("\"exception\":{\"values\":[{\"type\":\"E\",\"stacktrace\":{\"frames\":[{\"lineno\":\"x\"}]}}]}", "lineno")]
    [InlineData("\"exception\":{\"values\":[{\"type\":\"E\",\"stacktrace\":{\"frames\":[{\"in_app\":\"yes\"}]}}]}", "in_app")]
    [InlineData("\"exception\":{\"values\":[{\"type\":\"E\",\"stacktrace\":{\"frames\":[7]}}]}", "frames[0]")]
    [InlineData("\"exception\":{\"values\":[{\"value\":\"no type\"}]}", "type")]
    [InlineData("\"exception\":\"boom\"", "$.exception")]
    [InlineData("\"release\":{\"v\":1}", "$.release")]
    [InlineData("\"tags\":[[\"a\"]]", "$.tags[0]")]
    [InlineData("\"user\":[]", "$.user")]
    [InlineData("\"message\":\"\\ud800 lone\"", "$.message")]
    public void FromSentryJson_WrongTypes_BecomeProblemsNotFailures(string member, string problemAt) =>
        Parses($$"""{"event_id":"{{new string('1', 32)}}","timestamp":1,{{member}}}""", problemAt);

    [Theory]
    [InlineData("[]", "array, not an object")]
    [InlineData("\"event\"", "string, not an object")]
    [InlineData("{\"event_id\":", "Invalid JSON")]
    [InlineData("", "Invalid JSON")]
    public void FromSentryJson_NotAnObject_Fails(string json, string problem) => Fails(json, problem);

    [Fact]
    public void FromSentryJson_InvalidUtf8_IsReplacedWithProblem()
    {
        var result = ErrorEvent.FromSentryJson([.. "{\"message\":\"caf"u8, 0xC3, 0x28, .. "\"}"u8], ReceivedAt);
        Assert.Equal("caf\uFFFD(", result.Value!.Message);
        Assert.Contains(result.Problems, p => p.ToString() == "byte 15: The payload is not valid UTF-8; invalid bytes were replaced by U+FFFD.");
    }

    [Fact]
    public void FromSentryJson_NestedDeeperThan64_Fails() =>
        Fails("{\"extra\":" + new string('[', 70) + new string(']', 70) + "}", "deeper than 64");

    [Fact]
    public void FromSentryJson_TenThousandFrames_KeepsFirstTenAndLast250()
    {
        var frames = string.Join(",", Enumerable.Range(0, 10_000).Select(i => $$"""{"function":"f{{i}}","lineno":{{i + 1}}}"""));
        var e = Parses($$$"""{"event_id":"{{{new string('2', 32)}}}","timestamp":1,"exception":[{"type":"E","stacktrace":{"frames":[{{{frames}}}]}}]}""", "9740 were dropped");
        var kept = e.Exceptions[0].Frames.Select(f => f.Function).ToList();
        Assert.Equal(260, kept.Count);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"f{i}").Concat(Enumerable.Range(9750, 250).Select(i => $"f{i}")), kept);
    }

    [Fact]
    public void FromSentryJson_LongChain_KeepsInnermostAndTopLevel()
    {
        var chain = string.Join(",", Enumerable.Range(0, 30).Select(i => $$"""{"type":"E{{i}}"}"""));
        var e = Parses($$$"""{"event_id":"{{{new string('3', 32)}}}","timestamp":1,"exception":{"values":[{{{chain}}}]}}""", "10 in the middle were dropped");
        Assert.Equal(SentryEventJson.MaxExceptions, e.Exceptions.Length);
        Assert.Equal("E0", e.RootCause!.Type);
        Assert.Equal("E29", e.Primary!.Type);
    }

    [Fact]
    public void FromSentryJson_HugeStrings_AreCutWithProblem()
    {
        var e = Parses($$"""{"event_id":"{{new string('4', 32)}}","timestamp":1,"message":"{{new string('x', 100_000)}}"}""", "cut to 8192");
        Assert.Equal(SentryEventJson.MaxStringLength, e.Message!.Length);
    }

    [Fact]
    public void FromSentryJson_ManyVarsAndTags_AreCapped()
    {
        var vars = string.Join(",", Enumerable.Range(0, 500).Select(i => $"\"v{i}\":{i}"));
        var tags = string.Join(",", Enumerable.Range(0, 500).Select(i => $"\"t{i}\":\"{i}\""));
        var e = Parses($$$"""{"event_id":"{{{new string('5', 32)}}}","timestamp":1,"tags":{{{{tags}}}},"exception":[{"type":"E","stacktrace":{"frames":[{"vars":{{{{vars}}}}}]}}]}""",
            "$.tags: 300 entries", "vars: 400 entries");
        Assert.Equal(SentryEventJson.MaxTags, e.Tags.Count);
        Assert.Equal(SentryEventJson.MaxVars, e.Exceptions[0].Frames[0].Vars.Count);
    }
}
