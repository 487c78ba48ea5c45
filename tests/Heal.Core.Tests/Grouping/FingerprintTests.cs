using Heal.Core.Grouping;
using static Heal.Core.Tests.Grouping.GroupingCheck;

namespace Heal.Core.Tests.Grouping;

public sealed class FingerprintTests
{
    private const string DotnetFrames = "exception.values[0].stacktrace.frames";
    private const string NodeFrames = "exception.values[0].stacktrace.frames";

    [Fact]
    public void Compute_DotnetFixture_BasisIsTypeAndNormalisedInAppFrames()
    {
        var fingerprint = Compute("dotnet.json");
        Assert.Equal("""
            type: System.NullReferenceException
            frame: Program.Main (Program.cs)
            frame: Worker.Run (Worker.cs)
            frame: Worker.Helper (Worker.cs)
            """.ReplaceLineEndings("\n"), fingerprint.Basis);
        Assert.Matches("^[0-9a-f]{64}$", fingerprint.Hash);
        Assert.Equal(fingerprint.Hash[..16], fingerprint.GroupId);
    }

    [Fact]
    public void Compute_PythonFixture_UsesInnermostExceptionWithFrames() => Assert.Equal("""
        type: KeyError
        frame: __main__.<module> (app.py)
        frame: shop.pricing.total (pricing.py)
        frame: shop.pricing.price (pricing.py)
        """.ReplaceLineEndings("\n"), Compute("python.json").Basis);

    [Theory]
    [InlineData("dotnet.json", "release=\"Demo@1.5.0+77aa01c\"")]
    [InlineData("dotnet.json", "server_name=\"web-07\"", "event_id=\"00000000000000000000000000000001\"", "timestamp=\"2026-12-01T00:00:00Z\"")]
    [InlineData("dotnet.json", DotnetFrames + "[*].abs_path=\"C:\\\\agent\\\\_work\\\\3\\\\s\\\\src\\\\Demo\\\\Worker.cs\"")]
    [InlineData("dotnet.json", DotnetFrames + "[2].lineno=57", DotnetFrames + "[1].lineno=30", DotnetFrames + "[2].colno=5")]
    [InlineData("dotnet.json", DotnetFrames + "[2].function=\"int Worker.Helper(int left, int right)\"")]
    [InlineData("dotnet.json", "exception.values[0].value=\"Object reference not set to an instance of an object (user 17).\"")]
    [InlineData("dotnet.json", "exception.values[0].mechanism.handled=true")]
    [InlineData("node.json", NodeFrames + "[3].filename=\"/srv/shop-v2/src/routes/users.js\"", NodeFrames + "[4].filename=\"/srv/shop-v2/src/greeting.js\"", NodeFrames + "[4].lineno=9")]
    [InlineData("node.json", NodeFrames + "[4].context_line=\"  return 'Hello, ' + user.profile.name;\"", NodeFrames + "[2].function=\"Layer.handle\"")]
    [InlineData("python.json", "exception.values[0].stacktrace.frames[2].vars={\"item\":\"{'qty': 5}\"}", "exception.values[0].value=\"'code'\"")]
    [InlineData("go.json", "exception[0].stacktrace.frames[*].abs_path=\"/go/src/inventory/main.go\"", "exception[0].value=\"strconv.Atoi: parsing \\\"x9\\\": invalid syntax\"")]
    [InlineData("ruby.json", "exception.values[0].stacktrace.frames[1].lineno=11", "exception.values[0].stacktrace.frames[*].abs_path=\"/srv/report.rb\"")]
    public void Compute_SameBugOnAnotherReleaseMachineOrLine_SameGroup(string fixture, params string[] edits) => SameGroup(fixture, edits);

    [Theory]
    [InlineData("dotnet.json", DotnetFrames + "[2].function=\"int Worker.Divide(int a, int b)\"")]
    [InlineData("dotnet.json", "exception.values[0].type=\"System.InvalidOperationException\"")]
    [InlineData("dotnet.json", DotnetFrames + "[1].function=\"int Worker.Retry(string path)\"")]
    [InlineData("node.json", "exception.values[0].type=\"RangeError\"")]
    [InlineData("node.json", NodeFrames + "[4].function=\"farewell\"")]
    [InlineData("python.json", "exception.values[0].stacktrace.frames[2].function=\"discount\"")]
    [InlineData("ruby.json", "exception.values[0].type=\"NoMethodError\"")]
    [InlineData("go.json", "exception[0].stacktrace.frames[1].function=\"parse\"")]
    public void Compute_DifferentThrowingMethodOrType_DifferentGroups(string fixture, params string[] edits) => DifferentGroups(fixture, edits);

    private const string NoFrames = """{"event_id":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","timestamp":1,"exception":{"values":[{"type":"System.InvalidOperationException","value":"Order 42 was not found in 'eu-west' at 2026-11-28T02:10:03Z"}]}}""";

    [Theory]
    [InlineData("exception.values[0].value=\"Order 97133 was not found in 'us-east' at 2026-12-30T11:00:00Z\"")]
    [InlineData("exception.values[0].value=\"Order 42 was not found in \\\"ap-south\\\" at 2027-01-01\"")]
    public void Compute_NoFramesMessagesDifferingOnlyInValues_SameGroup(string edit) => SameGroup(NoFrames, edit);

    [Theory]
    [InlineData("exception.values[0].value=\"Customer 42 was not found in 'eu-west' at 2026-11-28T02:10:03Z\"")]
    [InlineData("exception.values[0].type=\"System.ArgumentException\"")]
    public void Compute_NoFramesDifferentMessageOrType_DifferentGroups(string edit) => DifferentGroups(NoFrames, edit);

    private const string MessageOnly = """{"event_id":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb","timestamp":1,"message":"Cache miss for key 7a1f33c9e0b24d1b9c8d7e6f5a4b3c2d after 1500 ms reading /var/cache/app/7.bin"}""";

    [Theory]
    [InlineData("message=\"Cache miss for key 0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0 after 20 ms reading /tmp/other/9.bin\"")]
    public void Compute_MessageOnlyEventsDifferingInIdsAndPaths_SameGroup(string edit) => SameGroup(MessageOnly, edit);

    [Theory]
    [InlineData("message=\"Cache write failed for key 7a1f33c9e0b24d1b9c8d7e6f5a4b3c2d\"")]
    public void Compute_MessageOnlyEventsWithDifferentText_DifferentGroups(string edit) => DifferentGroups(MessageOnly, edit);

    [Theory]
    [InlineData("fingerprint=[\"{{ default }}\"]")]
    [InlineData("fingerprint=[\"{{default}}\"]")]
    [InlineData("fingerprint=[]")]
    public void Compute_SdkFingerprintOfOnlyDefault_SameGroupAsNone(string edit) => SameGroup("dotnet.json", edit);

    [Theory]
    [InlineData("fingerprint=[\"{{ default }}\",\"tenant-a\"]")]
    [InlineData("fingerprint=[\"database-unavailable\"]")]
    public void Compute_SdkFingerprintWithOwnParts_DifferentGroup(string edit) => DifferentGroups("dotnet.json", edit);

    [Fact]
    public void Compute_SameCustomFingerprintOnDifferentErrors_SameGroup() =>
        SameGroup("""{"event_id":"cccccccccccccccccccccccccccccccc","timestamp":1,"fingerprint":["db-down"],"exception":[{"type":"TimeoutException"}]}""",
            "exception[0].type=\"SocketException\"", "exception[0].value=\"connection refused\"");

    private const string PastedDotnet = """
        System.NullReferenceException: Object reference not set to an instance of an object.
           at Demo.Orders.OrderService.<LoadAsync>d__5.MoveNext() in /src/Demo/Orders/OrderService.cs:line 41
        --- End of stack trace from previous location ---
           at Demo.Program.<Main>b__0_0(Int32 id) in /src/Demo/Program.cs:line 12
        """;

    [Fact]
    public void Compute_PastedDotnetTrace_BasisUsesCodeIdentities() => Assert.Equal("""
        type: System.NullReferenceException
        frame: Demo.Program.Main (Program.cs)
        frame: Demo.Orders.OrderService.LoadAsync (OrderService.cs)
        """.ReplaceLineEndings("\n"), Fingerprint.Compute(Heal.Core.Model.ErrorEvent.FromStackTraceText(PastedDotnet).Value!).Basis);

    [Theory]
    [InlineData("/src/Demo/", "C:\\build\\Demo\\")]
    [InlineData(":line 41", ":line 58")]
    [InlineData("d__5", "d__7")]
    [InlineData("b__0_0", "b__0_3")]
    public void Compute_PastedTraceFromAnotherBuildOrMachine_SameGroup(string from, string to) =>
        Assert.Equal(Pasted(PastedDotnet), Pasted(PastedDotnet.Replace(from, to, StringComparison.Ordinal)));

    [Theory]
    [InlineData("<LoadAsync>", "<SaveAsync>")]
    [InlineData("System.NullReferenceException", "System.InvalidCastException")]
    public void Compute_PastedTraceWithAnotherMethodOrType_DifferentGroup(string from, string to) =>
        Assert.NotEqual(Pasted(PastedDotnet), Pasted(PastedDotnet.Replace(from, to, StringComparison.Ordinal)));

    private static string Pasted(string text) => Fingerprint.Compute(Heal.Core.Model.ErrorEvent.FromStackTraceText(text).Value!).Hash;

    [Fact]
    public void Compute_BasisFromEventData_CannotForgeExtraLines()
    {
        var basis = Compute("""{"event_id":"dddddddddddddddddddddddddddddddd","timestamp":1,"exception":[{"type":"E\nframe: forged"}]}""").Basis;
        Assert.Equal("type: E frame: forged\nmessage: ", basis);
    }
}
