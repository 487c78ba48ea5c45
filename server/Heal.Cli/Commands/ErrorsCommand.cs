using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Heal.Core.Model;
using Heal.Feed.Store;
using Heal.Pipeline.Hosting;

namespace Heal.Cli.Commands;

/// <summary><c>heal errors [--store FILE] [--json] [--limit N] [--group ID]</c>: the error groups, most recently seen first, or one in full.</summary>
public static class ErrorsCommand
{
    public static Command Create()
    {
        var store = new Option<string?>("--store") { Description = "The store to read (default: the per-user store every command and editor shares; see 'The store' in the README).", HelpName = "FILE" };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table: an array of groups, or one group with --group." };
        var limit = new Option<int>("--limit") { Description = "At most this many groups, most recently seen first.", DefaultValueFactory = _ => 50, HelpName = "N" };
        var group = new Option<string?>("--group") { Description = "Show one group in full (its frames and latest event): its id or a unique prefix.", HelpName = "ID" };
        var command = new Command("errors", "List the error groups in a store, most recently seen first, or show one of them.") { store, json, limit, group };
        return command.WithAction((context, cancellationToken) =>
            context.Get(group) is { } id
                ? ShowGroupAsync(CliHost.Create(context.Get(store)), id, context, cancellationToken)
                : ListAsync(CliHost.Create(context.Get(store)), context.Get(limit), context, cancellationToken), json);
    }

    private static async Task<int> ListAsync(HealHost host, int limit, CommandContext context, CancellationToken cancellationToken)
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
            await context.Out.WriteAsync(ErrorTable.Render(groups, DateTimeOffset.UtcNow, ErrorTable.TerminalWidth()));
        }

        return ExitCodes.Ok;
    }

    private static async Task<int> ShowGroupAsync(HealHost host, string reference, CommandContext context, CancellationToken cancellationToken)
    {
        await CliHost.WriteNoticeAsync(host, context);
        ErrorGroup group;
        StoredEvent? latest;
        await using (var store = StoreErrors.OpenExisting(host))
        {
            group = await GroupReference.ResolveAsync(store, reference, host.Store.Path, cancellationToken);
            latest = await store.GetLatestStoredEventAsync(group.Id, cancellationToken);
        }

        await context.Out.WriteAsync(context.Json
            ? CliJson.Serialize(ErrorDetail.ToJson(group, latest?.Event)) + "\n"
            : ErrorDetail.ToText(group, latest?.Event, DateTimeOffset.UtcNow));
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
                writer.WriteString("status", GroupStatusText.From(group.Status));
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
}
