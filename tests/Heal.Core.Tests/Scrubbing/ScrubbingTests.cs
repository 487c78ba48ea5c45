using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Heal.Core.Model;
using Heal.Core.Scrubbing;

namespace Heal.Core.Tests.Scrubbing;

/// <summary>
/// Data scrubbing: each kind of secret, in each place an SDK puts it, becomes <c>[Filtered]</c>; what Heal needs to group
/// and repair (types, frames, ids, times, releases) stays byte for byte; a clean event is not rewritten at all.
/// </summary>
public sealed class ScrubbingTests
{
    private const string Filtered = "[Filtered]";

    [Theory]
    [InlineData("charge failed for card 4111 1111 1111 1111 today", "charge failed for card [Filtered] today")]
    [InlineData("card=4111-1111-1111-1111", "card=[Filtered]")]
    [InlineData("pan 5500005555555559.", "pan [Filtered].")]
    [InlineData("amex 378282246310005", "amex [Filtered]")]
    [InlineData("not a card 4111 1111 1111 1112", "not a card 4111 1111 1111 1112")]
    [InlineData("order 1234567890123 shipped", "order 1234567890123 shipped")]
    [InlineData("epoch ms 1700000000123", "epoch ms 1700000000123")]
    [InlineData("refund to GB82 WEST 1234 5698 7654 32 failed", "refund to [Filtered] failed")]
    [InlineData("iban=DE89370400440532013000", "iban=[Filtered]")]
    [InlineData("not an iban GB83 WEST 1234 5698 7654 32", "not an iban GB83 WEST 1234 5698 7654 32")]
    [InlineData("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc", "Authorization: [Filtered] [Filtered]")]
    [InlineData("sent bearer abcdef0123456789", "sent bearer [Filtered]")]
    [InlineData("GET /reset?token=abc123&next=/home", "GET /reset?token=[Filtered]&next=/home")]
    [InlineData("login failed: password=hunter2; user=ann", "login failed: password=[Filtered]; user=ann")]
    [InlineData("{\"username\":\"ann\",\"password\":\"hunter2\"}", "{\"username\":\"ann\",\"password\":\"[Filtered]\"}")]
    [InlineData("x-api-key: 0123abcd", "x-api-key: [Filtered]")]
    [InlineData("Object reference not set to an instance of an object.", "Object reference not set to an instance of an object.")]
    [InlineData("at 12:30: token refresh scheduled", "at 12:30: token refresh scheduled")]
    [InlineData("see session://local", "see session://local")]
    public void TextScrubber_Secret_IsReplaced(string text, string expected) =>
        Assert.Equal(expected, TextScrubber.Scrub(text, ScrubOptions.Default));

    [Fact]
    public void TextScrubber_PemPrivateKey_IsReplacedWhole()
    {
        var text = "config: -----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\nabc=\n-----END RSA PRIVATE KEY----- loaded";
        Assert.Equal("config: [Filtered] loaded", TextScrubber.Scrub(text, ScrubOptions.Default));
        Assert.Equal("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
            TextScrubber.Scrub("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----", ScrubOptions.Default));
    }

    [Fact]
    public void TextScrubber_CleanText_ReturnsTheSameInstance()
    {
        var text = "Sequence contains no elements (order 42, 2026-01-01T00:00:00Z)";
        Assert.Same(text, TextScrubber.Scrub(text, ScrubOptions.Default));
    }

    [Fact]
    public void ScrubEvent_SecretsEverywhereAnSdkPutsThem_AreFiltered()
    {
        var json = """
            {
              "event_id": "0123456789abcdef0123456789abcdef",
              "timestamp": "2026-01-01T00:00:00Z",
              "release": "shop@1.4.2",
              "message": "payment with 4111 1111 1111 1111 refused",
              "exception": {"values": [{"type": "System.InvalidOperationException", "value": "refund to DE89370400440532013000 failed", "module": "Shop",
                "stacktrace": {"frames": [{"function": "void Shop.Pay(string password)", "filename": "Pay.cs", "abs_path": "/src/Pay.cs", "lineno": 12, "in_app": true,
                  "vars": {"password": "hunter2", "amount": "12", "note": "Bearer abcdef0123456789"}}]}}]},
              "request": {"url": "https://shop.example/pay?token=t0k3n&x=1", "method": "POST", "query_string": "token=t0k3n&x=1",
                "data": {"user": "ann", "password": "hunter2", "card": {"number": "4111111111111111"}},
                "cookies": "session=abc; theme=dark",
                "headers": {"Authorization": "Bearer abcdef0123456789", "Cookie": "session=abc", "X-Api-Key": "k", "Accept": "text/html"}},
              "breadcrumbs": {"values": [{"message": "POST /login password=hunter2", "data": {"Set-Cookie": "id=1", "status": 200}}]},
              "extra": {"api_key": "abc", "credentials": {"user": "u", "pass": "p"}, "client_secret": 12345, "count": 3, "pem": "-----BEGIN PRIVATE KEY-----\nMII\n-----END PRIVATE KEY-----"},
              "contexts": {"app": {"session_id": "s-1", "app_name": "shop"}},
              "tags": [["auth_token", "abc"], ["region", "eu"]]
            }
            """;
        var result = Scrubbed(json);

        Assert.Equal("payment with [Filtered] refused", result["message"]!.GetValue<string>());
        var exception = result["exception"]!["values"]![0]!;
        Assert.Equal("System.InvalidOperationException", exception["type"]!.GetValue<string>());
        Assert.Equal("refund to [Filtered] failed", exception["value"]!.GetValue<string>());
        var frame = exception["stacktrace"]!["frames"]![0]!;
        Assert.Equal("void Shop.Pay(string password)", frame["function"]!.GetValue<string>());
        Assert.Equal(("Pay.cs", "/src/Pay.cs", 12), (frame["filename"]!.GetValue<string>(), frame["abs_path"]!.GetValue<string>(), frame["lineno"]!.GetValue<int>()));
        Assert.Equal(Filtered, frame["vars"]!["password"]!.GetValue<string>());
        Assert.Equal("12", frame["vars"]!["amount"]!.GetValue<string>());
        Assert.Equal("Bearer [Filtered]", frame["vars"]!["note"]!.GetValue<string>());

        var request = result["request"]!;
        Assert.Equal("https://shop.example/pay?token=[Filtered]&x=1", request["url"]!.GetValue<string>());
        Assert.Equal("token=[Filtered]&x=1", request["query_string"]!.GetValue<string>());
        Assert.Equal("ann", request["data"]!["user"]!.GetValue<string>());
        Assert.Equal(Filtered, request["data"]!["password"]!.GetValue<string>());
        Assert.Equal(Filtered, request["data"]!["card"]!["number"]!.GetValue<string>());
        Assert.Equal(Filtered, request["cookies"]!.GetValue<string>());
        Assert.Equal([Filtered, Filtered, Filtered, "text/html"], new[] { "Authorization", "Cookie", "X-Api-Key", "Accept" }.Select(h => request["headers"]![h]!.GetValue<string>()));

        var crumb = result["breadcrumbs"]!["values"]![0]!;
        Assert.Equal("POST /login password=[Filtered]", crumb["message"]!.GetValue<string>());
        Assert.Equal(Filtered, crumb["data"]!["Set-Cookie"]!.GetValue<string>());
        Assert.Equal(200, crumb["data"]!["status"]!.GetValue<int>());

        var extra = result["extra"]!;
        Assert.Equal([Filtered, Filtered, Filtered, Filtered], new[] { "api_key", "credentials", "client_secret", "pem" }.Select(k => extra[k]!.GetValue<string>()));
        Assert.Equal(3, extra["count"]!.GetValue<int>());
        Assert.Equal(Filtered, result["contexts"]!["app"]!["session_id"]!.GetValue<string>());
        Assert.Equal("shop", result["contexts"]!["app"]!["app_name"]!.GetValue<string>());
        Assert.Equal(Filtered, result["tags"]![0]![1]!.GetValue<string>());
        Assert.Equal("eu", result["tags"]![1]![1]!.GetValue<string>());

        foreach (var kept in (string[])["event_id", "timestamp", "release"])
        {
            Assert.Equal(JsonNode.Parse(json)![kept]!.GetValue<string>(), result[kept]!.GetValue<string>());
        }
    }

    [Fact]
    public void ScrubEvent_ExtraField_IsFilteredLikeTheBuiltInWords()
    {
        var options = new ScrubOptions(["ssn"]);
        var json = """{"extra":{"customer_ssn":"078-05-1120","name":"ann"}}""";
        var result = JsonNode.Parse(Encoding.UTF8.GetString(EventJsonScrubber.ScrubEvent(Encoding.UTF8.GetBytes(json), options)!.ToArray(Encoding.UTF8.GetBytes(json))))!;
        Assert.Equal(Filtered, result["extra"]!["customer_ssn"]!.GetValue<string>());
        Assert.Equal("ann", result["extra"]!["name"]!.GetValue<string>());
        Assert.Null(EventJsonScrubber.ScrubEvent(Encoding.UTF8.GetBytes(json), ScrubOptions.Default));
    }

    [Theory]
    [InlineData("dotnet.json")]
    [InlineData("node.json")]
    [InlineData("go.json")]
    [InlineData("ruby.json")]
    public void ScrubEvent_RealSdkEventWithoutSecrets_IsNotRewritten(string fixture) =>
        Assert.Null(EventJsonScrubber.ScrubEvent(Encoding.UTF8.GetBytes(Parsing.SentryJsonCheck.Fixture(fixture)), ScrubOptions.Default));

    [Fact]
    public void ScrubEvent_ScrubbedTwice_ChangesNothingMore()
    {
        var json = Encoding.UTF8.GetBytes("""{"extra":{"password":"x","note":"card 4111111111111111"},"tags":[["token","y"]]}""");
        var once = EventJsonScrubber.ScrubEvent(json, ScrubOptions.Default)!.ToArray(json);
        Assert.Null(EventJsonScrubber.ScrubEvent(once, ScrubOptions.Default));
    }

    [Fact]
    public void ScrubEvent_KeepsTheSendersFormattingAroundWhatItReplaces()
    {
        var json = "{\"extra\": {\n  \"caf\\u00e9\": \"ok\",  \"password\" :\t\"hunter2\" }}";
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.Equal("{\"extra\": {\n  \"caf\\u00e9\": \"ok\",  \"password\" :\t\"[Filtered]\" }}", Encoding.UTF8.GetString(EventJsonScrubber.ScrubEvent(bytes, ScrubOptions.Default)!.ToArray(bytes)));
    }

    [Theory]
    [InlineData("{\"extra\":{\"password\":\"x\"")]
    [InlineData("not json")]
    [InlineData("")]
    public void ScrubEvent_InvalidJson_ReturnsNull(string json) =>
        Assert.Null(EventJsonScrubber.ScrubEvent(Encoding.UTF8.GetBytes(json), ScrubOptions.Default));

    [Fact]
    public void ScrubEvent_ScrubbedEvent_GroupsLikeTheOriginal()
    {
        var node = JsonNode.Parse(Parsing.SentryJsonCheck.Fixture("python.json"))!;
        node["extra"] = new JsonObject { ["password"] = "hunter2", ["card"] = "4111 1111 1111 1111" };
        var original = Encoding.UTF8.GetBytes(node.ToJsonString());
        var scrubbed = EventJsonScrubber.ScrubEvent(original, ScrubOptions.Default);
        Assert.NotNull(scrubbed);
        var before = ErrorEvent.FromSentryJson(original).Value!;
        var after = ErrorEvent.FromSentryJson(scrubbed.ToArray(original)).Value!;
        Assert.Equal(Heal.Core.Grouping.Fingerprint.Compute(before), Heal.Core.Grouping.Fingerprint.Compute(after));
        Assert.Equal(before.Exceptions.Select(e => e.Type), after.Exceptions.Select(e => e.Type));
    }

    [Fact]
    public void Scrub_ParsedEvent_FiltersWhatAPromptWouldShow()
    {
        var json = """
            {"event_id":"0123456789abcdef0123456789abcdef","message":"card 4111 1111 1111 1111",
             "exception":{"values":[{"type":"KeyError","value":"token=abc123","stacktrace":{"frames":[{"function":"f","filename":"a.py","lineno":3,"in_app":true,"vars":{"secret":"s3","n":"1"}}]}}]},
             "request":{"url":"https://x/?password=p","headers":{"Cookie":"a=b","Accept":"*/*"},"data":"password=p&name=n"},
             "tags":{"api_key":"k"},"contexts":{"app":{"auth":"zzz"}},
             "breadcrumbs":{"values":[{"message":"Bearer zqxwvu9876543210"}]}}
            """;
        var parsed = ErrorEvent.FromSentryJson(json).Value!;
        var scrubbed = EventScrubber.Scrub(parsed);

        Assert.Equal("card [Filtered]", scrubbed.Message);
        Assert.Equal("token=[Filtered]", scrubbed.Exceptions[0].Value);
        Assert.Equal("KeyError", scrubbed.Exceptions[0].Type);
        Assert.Equal(Filtered, scrubbed.Exceptions[0].Frames[0].Vars["secret"]);
        Assert.Equal("1", scrubbed.Exceptions[0].Frames[0].Vars["n"]);
        Assert.Equal(("a.py", 3), (scrubbed.Exceptions[0].Frames[0].File, scrubbed.Exceptions[0].Frames[0].Line));
        Assert.Equal("https://x/?password=[Filtered]", scrubbed.Request!.Url);
        Assert.Equal(Filtered, scrubbed.Request.Headers["Cookie"]);
        Assert.Equal("*/*", scrubbed.Request.Headers["Accept"]);
        Assert.Equal("password=[Filtered]&name=n", scrubbed.Request.Data);
        Assert.Equal(Filtered, scrubbed.Tags["api_key"]);
        Assert.Equal(Filtered, JsonNode.Parse(scrubbed.Contexts["app"])!["auth"]!.GetValue<string>());
        Assert.DoesNotContain("zqxwvu9876543210", scrubbed.RawJson, StringComparison.Ordinal);
        Assert.Equal(parsed.Id, scrubbed.Id);
    }

    [Fact]
    public void Scrub_CleanEvent_ReturnsTheSameInstance()
    {
        var parsed = ErrorEvent.FromSentryJson(Parsing.SentryJsonCheck.Fixture("dotnet.json")).Value!;
        Assert.Same(parsed, EventScrubber.Scrub(parsed));
    }

    private static JsonNode Scrubbed(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var scrubbed = EventJsonScrubber.ScrubEvent(bytes, ScrubOptions.Default);
        Assert.NotNull(scrubbed);
        var text = Encoding.UTF8.GetString(scrubbed.ToArray(bytes));
        using (JsonDocument.Parse(text))
        {
            // Still one valid JSON document.
        }

        return JsonNode.Parse(text)!;
    }
}
