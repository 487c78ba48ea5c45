using System.Globalization;
using System.Text;
using System.Text.Json;
using Heal.Core.Model;
using Heal.Feed.Store;

namespace Heal.Cli.Commands;

/// <summary><c>heal errors --store FILE|postgres://… [--json] [--limit N]</c>: the error groups, most recently seen first.</summary>
public static class ErrorsCommand
{
    public const string Summary = "list the error groups in a store: [--store FILE|postgres://URL] [--json] [--limit N]";

    public static async Task<int> RunAsync(Arguments arguments, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var storePath = arguments.Optional("store") ?? FeedCommand.DefaultStore;
        var json = arguments.Flag("json");
        var limit = arguments.OptionalInt("limit") ?? 50;
        arguments.RejectUnknown();
        if (limit <= 0)
        {
            throw new UsageException($"--limit must be at least 1, not {limit}.");
        }

        IReadOnlyList<ErrorGroup> groups;
        try
        {
            await using var store = ErrorStores.OpenExisting(storePath);
            groups = await store.ListGroupsAsync(limit, cancellationToken);
        }
        catch (StoreException e)
        {
            await stderr.WriteLineAsync($"heal errors: {e.Message}");
            return CommandLine.ExitInternal;
        }

        if (json)
        {
            await stdout.WriteLineAsync(ToJson(groups));
        }
        else
        {
            await stdout.WriteAsync(ToTable(groups, DateTimeOffset.UtcNow));
        }

        return CommandLine.ExitOk;
    }

    internal static string ToJson(IReadOnlyList<ErrorGroup> groups)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (var group in groups)
            {
                writer.WriteStartObject();
                writer.WriteString("id", group.Id);
                writer.WriteString("type", group.Type);
                writer.WriteString("message", group.Message);
                writer.WriteNumber("count", group.Count);
                writer.WriteString("firstSeen", group.FirstSeen.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
                writer.WriteString("lastSeen", group.LastSeen.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
                writer.WriteString("release", group.LastRelease);
                writer.WriteString("status", SqliteErrorStore.StatusText(group.Status));
                writer.WriteString("fingerprint", group.Fingerprint);
                writer.WriteString("latestEventId", group.LatestEventId);
                writer.WritePropertyName("frame");
                if (group.TopFrame is { } frame)
                {
                    writer.WriteStartObject();
                    writer.WriteString("file", frame.Path);
                    if (frame.Line is { } line)
                    {
                        writer.WriteNumber("line", line);
                    }
                    else
                    {
                        writer.WriteNull("line");
                    }

                    writer.WriteString("function", frame.Function);
                    writer.WriteEndObject();
                }
                else
                {
                    writer.WriteNullValue();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    internal static string ToTable(IReadOnlyList<ErrorGroup> groups, DateTimeOffset now)
    {
        if (groups.Count == 0)
        {
            return "no errors yet\n";
        }

        var rows = groups.Select(g => new[]
        {
            SqliteErrorStore.StatusText(g.Status),
            g.Count.ToString(CultureInfo.InvariantCulture),
            Ago(now - g.LastSeen),
            Clip($"{g.Type}: {g.Message}", 100),
            g.TopFrame is { } f ? Clip($"{f.Path ?? f.Function}:{f.Line?.ToString(CultureInfo.InvariantCulture) ?? "?"}", 60) : "-",
        }).Prepend(["STATUS", "COUNT", "LAST SEEN", "ERROR", "WHERE"]).ToList();
        var widths = Enumerable.Range(0, 5).Select(i => rows.Max(r => r[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(row[0].PadRight(widths[0])).Append("  ")
                .Append(row[1].PadLeft(widths[1])).Append("  ")
                .Append(row[2].PadRight(widths[2])).Append("  ")
                .Append(row[3].PadRight(widths[3])).Append("  ")
                .Append(row[4]).Append('\n');
        }

        return text.ToString();
    }

    private static string Ago(TimeSpan age) => age switch
    {
        { TotalSeconds: < 0 } => "just now",
        { TotalSeconds: < 60 } => $"{(int)age.TotalSeconds}s ago",
        { TotalMinutes: < 60 } => $"{(int)age.TotalMinutes}m ago",
        { TotalHours: < 48 } => $"{(int)age.TotalHours}h ago",
        _ => $"{(int)age.TotalDays}d ago",
    };

    /// <summary>Event text is untrusted: control characters (newlines, escape sequences) never reach the terminal.</summary>
    private static string Clip(string text, int max)
    {
        var clean = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return clean.Length <= max ? clean : clean[..(max - 1)] + "…";
    }
}
