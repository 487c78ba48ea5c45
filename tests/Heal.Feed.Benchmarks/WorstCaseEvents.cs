using System.Globalization;
using System.Text;

namespace Heal.Feed.Benchmarks;

/// <summary>
/// The events an attacker sends to make a feed hold as much memory as it can: each just under the 20 MiB decompressed
/// limit, gzip-compressed (so each costs the sender a few hundred KiB), shaped to maximise what a reader of the whole
/// document keeps: big strings, millions of tokens, a huge frame list, a long exception chain, many breadcrumbs.
/// </summary>
public static class WorstCaseEvents
{
    /// <summary>How big each event's JSON is: under the 20 MiB decompressed limit with room for the envelope headers.</summary>
    public const int TargetBytes = (20 << 20) - 4096;

    public static IReadOnlyList<string> Names { get; } = ["large-strings", "many-tokens", "deep-frames", "chained", "breadcrumbs", "nested"];

    public static string Build(string name, string eventId) => name switch
    {
        "large-strings" => Wrap(eventId, Exception("System.InvalidOperationException", "big", Frames(3)), extra: Repeat(i => $"\"k{i}\":\"{new string('x', 8000)}\"", 8016)),
        "many-tokens" => Wrap(eventId, Exception("System.InvalidOperationException", "tokens", Frames(3)), extra: "\"numbers\":[" + Repeat(_ => "1", 2) + "]"),
        "deep-frames" => Wrap(eventId, Exception("System.InvalidOperationException", "frames", Frames(FrameCount(110)))),
        "chained" => Wrap(eventId, string.Join(",", Enumerable.Range(0, ChainCount()).Select(i => Exception("System.Exception", $"cause {i}", Frames(2))))),
        "breadcrumbs" => Wrap(eventId, Exception("System.InvalidOperationException", "crumbs", Frames(3)), breadcrumbs: Repeat(i => $"{{\"timestamp\":1700000000,\"category\":\"http\",\"message\":\"GET /orders/{i}\",\"data\":{{\"status\":200}}}}", 80)),
        "nested" => Wrap(eventId, Exception("System.InvalidOperationException", "nested", Frames(3)), extra: "\"deep\":[" + Repeat(_ => new string('[', 60) + new string(']', 60), 121) + "]"),
        _ => throw new ArgumentException($"unknown worst case '{name}'; known: {string.Join(", ", Names)}", nameof(name)),
    };

    private static int FrameCount(int bytesPerFrame) => TargetBytes / bytesPerFrame;

    private static int ChainCount() => TargetBytes / 420;

    /// <summary>Items joined by commas until the text is near <see cref="TargetBytes"/>; <paramref name="approximateItemBytes"/> sizes the count.</summary>
    private static string Repeat(Func<int, string> item, int approximateItemBytes)
    {
        var text = new StringBuilder(TargetBytes);
        for (var i = 0; text.Length + approximateItemBytes + 512 < TargetBytes - 4096; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(item(i));
        }

        return text.ToString();
    }

    private static string Frames(int count)
    {
        var text = new StringBuilder(count * 110);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(CultureInfo.InvariantCulture, $"{{\"function\":\"Step{i % 1000}\",\"module\":\"Shop.Orders\",\"filename\":\"Orders.cs\",\"lineno\":{1 + (i % 900)},\"in_app\":true}}");
        }

        return text.ToString();
    }

    private static string Exception(string type, string value, string frames) =>
        $"{{\"type\":\"{type}\",\"value\":\"{value}\",\"stacktrace\":{{\"frames\":[{frames}]}}}}";

    private static string Wrap(string eventId, string exceptions, string? extra = null, string? breadcrumbs = null)
    {
        var text = new StringBuilder(TargetBytes);
        text.Append(CultureInfo.InvariantCulture, $"{{\"event_id\":\"{eventId}\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"platform\":\"csharp\",\"exception\":{{\"values\":[{exceptions}]}}");
        if (extra is not null)
        {
            text.Append(",\"extra\":{").Append(extra).Append('}');
        }

        if (breadcrumbs is not null)
        {
            text.Append(",\"breadcrumbs\":{\"values\":[").Append(breadcrumbs).Append("]}");
        }

        return text.Append('}').ToString();
    }
}
