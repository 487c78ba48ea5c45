using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Heal.Core.Model;
using Heal.Feed.Store;
using Heal.Pipeline.Hosting;

namespace Heal.Cli.Commands;

/// <summary><c>heal errors [--store FILE] [--json] [--limit N]</c>: the error groups, most recently seen first.</summary>
public static class ErrorsCommand
{
    public static Command Create()
    {
        var store = new Option<string?>("--store") { Description = "The store to read (default: the per-user store every command and editor shares; see 'The store' in the README).", HelpName = "FILE" };
        var json = new Option<bool>("--json") { Description = "Print a JSON array instead of a table." };
        var limit = new Option<int>("--limit") { Description = "At most this many groups, most recently seen first.", DefaultValueFactory = _ => 50, HelpName = "N" };
        var command = new Command("errors", "List the error groups in a store, most recently seen first.") { store, json, limit };
        return command.WithAction((context, cancellationToken) =>
            RunAsync(CliHost.Create(context.Get(store)), context.Get(limit), context, cancellationToken), json);
    }

    private static async Task<int> RunAsync(HealHost host, int limit, CommandContext context, CancellationToken cancellationToken)
    {
        if (limit <= 0)
        {
            throw new UsageException($"--limit must be at least 1, not {limit}.");
        }

        IReadOnlyList<ErrorGroup> groups;
        await CliHost.WriteNoticeAsync(host, context);
        await using (var store = StoreErrors.OpenExisting(host))
        {
            groups = await store.ListGroupsAsync(limit, cancellationToken);
        }

        if (context.Json)
        {
            await context.Out.WriteLineAsync(ToJson(groups));
        }
        else
        {
            await context.Out.WriteAsync(ToTable(groups, DateTimeOffset.UtcNow));
        }

        return ExitCodes.Ok;
    }

    internal static string ToJson(IReadOnlyList<ErrorGroup> groups)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, CliJson.WriterOptions))
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
