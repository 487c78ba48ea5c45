using System.Text.Json;
using Heal.Core.Model;
using Sentry;
using Sentry.Protocol;
using static Heal.Core.Tests.Parsing.SentryJsonCheck;

namespace Heal.Core.Tests.Parsing;

/// <summary>
/// Reads the same payloads with the official .NET SDK's own deserialiser and checks that both agree on what
/// matters downstream, so our reader is not only consistent with our own idea of the protocol.
/// </summary>
public sealed class SentrySdkDifferentialTests
{
    [Theory]
    [InlineData("dotnet.json")]
    [InlineData("node.json")]
    [InlineData("python.json")]
    [InlineData("ruby.json")]
    public void FromSentryJson_Fixture_AgreesWithSentrySdk(string fixture)
    {
        var json = Fixture(fixture);
        var ours = Parses(json);
        using var document = JsonDocument.Parse(json);
        var theirs = SentryEvent.FromJson(document.RootElement);

        Assert.Equal(theirs.EventId.ToString(), ours.Id);
        Assert.Equal(theirs.Release, ours.Release);
        Assert.Equal(theirs.Environment, ours.Environment);
        Assert.Equal(theirs.Platform, ours.Platform);
        Assert.Equal(theirs.Timestamp.UtcTicks, ours.Timestamp.UtcTicks, tolerance: TimeSpan.TicksPerMillisecond);
        Assert.Equal(Describe(theirs.SentryExceptions!), Describe(ours.Exceptions));
    }

    private static string Describe(IEnumerable<SentryException> exceptions) => string.Join("\n", exceptions.Select(e =>
        $"{e.Type}: {e.Value} [{e.Mechanism?.Type}/{e.Mechanism?.Handled}]\n" + string.Join("\n", (e.Stacktrace?.Frames ?? []).Select(f =>
            $"  {f.Module}|{f.Function}|{f.FileName}|{f.AbsolutePath}|{f.LineNumber}|{f.ColumnNumber}|{f.InApp}|{f.ContextLine}|{string.Join("/", f.PreContext)}|{string.Join("/", f.PostContext)}"))));

    private static string Describe(IEnumerable<ExceptionInfo> exceptions) => string.Join("\n", exceptions.Select(e =>
        $"{e.Type}: {e.Value} [{e.Mechanism?.Type}/{e.Mechanism?.Handled}]\n" + string.Join("\n", e.Frames.Select(f =>
            $"  {f.Module}|{f.Function}|{f.File}|{f.AbsolutePath}|{f.Line}|{f.Column}|{f.InApp}|{f.ContextLine}|{string.Join("/", f.PreContext)}|{string.Join("/", f.PostContext)}"))));
}
