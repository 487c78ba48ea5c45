using System.Globalization;
using System.Text;
using Heal.Core.Model;
using Heal.Feed.Store;

namespace Heal.Cli.Commands;

/// <summary>One group in full, for <c>heal errors --group ID</c>: the group, its latest event's stack, and how to fix it.</summary>
public static class ErrorDetail
{
    public static string ToText(ErrorGroup group, ErrorEvent? latest, DateTimeOffset now)
    {
        var text = new StringBuilder();
        var clean = ErrorTable.Clean;
        text.Append(CultureInfo.InvariantCulture, $"{group.Id}  {GroupStatusText.From(group.Status)}\n");
        text.Append(clean($"{group.Type}: {group.Message}")).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"{group.Count} event{(group.Count == 1 ? "" : "s")}, first seen {Time(group.FirstSeen)} ({ErrorTable.Ago(now - group.FirstSeen)}), last seen {Time(group.LastSeen)} ({ErrorTable.Ago(now - group.LastSeen)})\n");
        if (group.LastRelease is not null || latest?.Environment is not null)
        {
            text.Append(clean($"release {group.LastRelease ?? "-"}, environment {latest?.Environment ?? "-"}")).Append('\n');
        }

        if (latest is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"latest event {latest.Id}\n");
            foreach (var exception in latest.Exceptions.Reverse())
            {
                text.Append('\n').Append(clean($"{exception.Type}: {exception.Value}")).Append('\n');
                var marksInApp = exception.MarksAnyFrameInApp;
                foreach (var frame in exception.Frames.Reverse())
                {
                    var library = marksInApp && frame.InApp != true ? "  (library)" : "";
                    text.Append("  at ").Append(clean(frame.Function ?? "?")).Append(" in ")
                        .Append(clean($"{frame.Path ?? "?"}:{frame.Line?.ToString(CultureInfo.InvariantCulture) ?? "?"}")).Append(library).Append('\n');
                }
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"\nfix it: heal fix --repo <your repository> --group {group.Id[..ErrorTable.ShortIdLength]}\n");
        return text.ToString();
    }

    public static Dictionary<string, object?> ToJson(ErrorGroup group, ErrorEvent? latest) => new()
    {
        ["id"] = group.Id,
        ["type"] = group.Type,
        ["message"] = group.Message,
        ["count"] = group.Count,
        ["firstSeen"] = group.FirstSeen.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["lastSeen"] = group.LastSeen.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["release"] = group.LastRelease,
        ["status"] = GroupStatusText.From(group.Status),
        ["fingerprint"] = group.Fingerprint,
        ["latestEventId"] = group.LatestEventId,
        ["environment"] = latest?.Environment,
        ["exceptions"] = latest?.Exceptions.Reverse().Select(e => new Dictionary<string, object?>
        {
            ["type"] = e.Type,
            ["message"] = e.Value,
            ["frames"] = e.Frames.Reverse().Select(f => new Dictionary<string, object?>
            {
                ["file"] = f.Path,
                ["line"] = f.Line,
                ["function"] = f.Function,
                ["inApp"] = f.InApp,
            }).ToList(),
        }).ToList() ?? [],
    };

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
