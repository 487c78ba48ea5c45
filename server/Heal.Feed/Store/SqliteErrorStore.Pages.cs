using Heal.Core.Model;
using Microsoft.Data.Sqlite;

namespace Heal.Feed.Store;

/// <summary>The reads the feed's Sentry-style read API needs: a page of groups by status after a cursor, and an event's raw JSON.</summary>
public sealed partial class SqliteErrorStore
{
    public string Location => FilePath;

    public async Task<IReadOnlyList<ErrorGroup>> ListGroupsPageAsync(
        IReadOnlyCollection<GroupStatus> statuses, GroupPageCursor? after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // Statuses are a fixed set of four words: inline them as parameters one by one.
        var names = statuses.Distinct().Select((s, i) => (Name: "$s" + i, Text: GroupStatusText.From(s))).ToList();
        var statusFilter = names.Count == 0 ? "1" : $"status IN ({string.Join(", ", names.Select(n => n.Name))})";
        command.CommandText =
            $"SELECT {GroupColumns} FROM groups WHERE {statusFilter} " +
            "AND ($after_id IS NULL OR last_seen < $after_seen OR (last_seen = $after_seen AND id > $after_id)) " +
            "ORDER BY last_seen DESC, id LIMIT $limit;";
        foreach (var (name, text) in names)
        {
            command.Parameters.AddWithValue(name, text);
        }

        command.Parameters.AddWithValue("$after_id", (object?)after?.GroupId ?? DBNull.Value);
        command.Parameters.AddWithValue("$after_seen", after?.LastSeenMilliseconds ?? 0);
        command.Parameters.AddWithValue("$limit", Math.Max(0, limit));
        var groups = new List<ErrorGroup>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            groups.Add(ReadGroup(reader));
        }

        return groups;
    }

    public async Task<(byte[] RawJson, DateTimeOffset ReceivedAt)?> GetLatestRawEventAsync(string groupId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT raw_json, received_at FROM events WHERE group_id = $group ORDER BY rowid DESC LIMIT 1;";
        command.Parameters.AddWithValue("$group", groupId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? ((byte[])reader.GetValue(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)))
            : null;
    }
}
