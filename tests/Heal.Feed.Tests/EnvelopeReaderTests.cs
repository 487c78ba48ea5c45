using System.Text;
using Heal.Feed.Protocol;

namespace Heal.Feed.Tests;

public sealed class EnvelopeReaderTests
{
    /// <summary>Frames <paramref name="envelope"/> (<c>⏎</c> stands for a newline) and compares a one-line summary.</summary>
    private static void Check(string envelope, string expected) => Assert.Equal(expected, Summary(envelope));

    private static string Summary(string envelope)
    {
        var result = EnvelopeReader.Read(Encoding.UTF8.GetBytes(envelope.Replace("⏎", "\n", StringComparison.Ordinal)));
        return result.Value is { } value
            ? $"id={value.EventId ?? "-"} events=[{string.Join(",", value.Events.Select(e => Encoding.UTF8.GetString(e.Payload.Span)))}] skipped={value.SkippedItems}"
            : "error: " + string.Join(" | ", result.Problems);
    }

    [Fact]
    public void Read_EventWithLength_TakesExactlyLengthBytes() =>
        Check("""{"event_id":"e1"}⏎{"type":"event","length":7}⏎{"a":1}⏎""", "id=e1 events=[{\"a\":1}] skipped=0");

    [Fact]
    public void Read_LengthCoversNewlines_KeepsThemInThePayload() =>
        Check("""{}⏎{"type":"event","length":9}⏎{"a":⏎1 }⏎""", "id=- events=[{\"a\":\n1 }] skipped=0");

    [Fact]
    public void Read_EventWithoutLength_EndsAtTheNewline() =>
        Check("""{"event_id":"e2"}⏎{"type":"event","content_type":"application/json"}⏎{"b":2}⏎""", "id=e2 events=[{\"b\":2}] skipped=0");

    [Fact]
    public void Read_LastPayloadWithoutTrailingNewline_IsAccepted() =>
        Check("""{}⏎{"type":"event","length":7}⏎{"c":3}""", "id=- events=[{\"c\":3}] skipped=0");

    [Fact]
    public void Read_OtherItemTypes_AreSkipped() =>
        Check("""{}⏎{"type":"session"}⏎{"sid":"s"}⏎{"type":"client_report","length":2}⏎{}⏎{"type":"attachment","length":3,"filename":"a.txt"}⏎a⏎b⏎{"type":"event"}⏎{"d":4}⏎{"type":"check_in"}⏎{}⏎""",
            "id=- events=[{\"d\":4}] skipped=4");

    [Fact]
    public void Read_NoEventItem_IsAnEmptyEnvelope() =>
        Check("""{"event_id":"e3"}⏎{"type":"sessions"}⏎{"aggregates":[]}⏎""", "id=e3 events=[] skipped=1");

    [Fact]
    public void Read_HeaderOnly_IsAnEmptyEnvelope() =>
        Check("""{"event_id":"e4"}""", "id=e4 events=[] skipped=0");

    [Fact]
    public void Read_LengthPastTheEnd_IsAnError() =>
        Check("""{}⏎{"type":"event","length":50}⏎{"a":1}⏎""", "error: byte 32: item 1 (event) declares length 50 but only 8 bytes follow its header.");

    [Fact]
    public void Read_LengthShorterThanPayload_IsAnError() =>
        Check("""{}⏎{"type":"event","length":4}⏎{"a":1}⏎""", "error: byte 35: item 1 (event) declares length 4 but the byte after its payload is ':', not a newline: the length does not match the payload.");

    [Fact]
    public void Read_NegativeLength_IsAnError() =>
        Check("""{}⏎{"type":"event","length":-1}⏎{}⏎""", "error: byte 3: item 1 header has \"length\" -1, which is not a non-negative whole number.");

    [Fact]
    public void Read_ItemHeaderNotJson_IsAnErrorWithItsPosition() =>
        Assert.StartsWith("error: byte 18: item 1 header is not valid JSON at byte 18: ", Summary("""{}⏎{"type":"event",⏎{}⏎"""));

    [Fact]
    public void Read_ItemWithoutType_IsAnError() =>
        Check("""{}⏎{"length":2}⏎{}⏎""", "error: byte 3: item 1 header has no string \"type\".");

    [Fact]
    public void Read_HeaderNotAnObject_IsAnError() =>
        Check("""[1,2]⏎""", "error: byte 0: envelope header is a JSON array, not an object.");

    [Fact]
    public void Read_EmptyBody_IsAnError() =>
        Check("", "error: byte 0: envelope header is empty; expected a JSON object.");
}
