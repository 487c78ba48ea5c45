using System.Globalization;
using System.Text.Json;
using Heal.Core.Model;
using Heal.Feed.Protocol;
using Microsoft.Data.Sqlite;

namespace Heal.Feed.Store;

/// <summary>The read path: groups, latest events, events after a cursor, statuses and stats, each on a pooled reader connection.</summary>
public sealed partial class SqliteErrorStore
{
    /// <summary>Groups, most recently seen first.</summary>
    public async Task<IReadOnlyList<ErrorGroup>> ListGroupsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {GroupColumns} FROM groups ORDER BY last_seen DESC, id LIMIT $limit;";
        command.Parameters.AddWithValue("$limit", Math.Max(0, limit));
        var groups = new List<ErrorGroup>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            groups.Add(ReadGroup(reader));
        }

        return groups;
    }

    /// <summary>
    /// Groups, most recently seen first, each with its most recently received event kept (null when none is kept or
    /// it no longer parses), in one query: the language server's whole snapshot in one round trip. The events' JSON is
    /// parsed in parallel.
    /// </summary>
    public Task<IReadOnlyList<GroupWithLatestEvent>> ListGroupsWithLatestEventAsync(int limit, CancellationToken cancellationToken) =>
        ListGroupsWithLatestEventAsync(limit, [], cancellationToken);

    /// <summary>
    /// The same, keeping only groups whose latest event's raw JSON contains one of <paramref name="needles"/> (bytes, compared
    /// as stored), when any are given: a cheap first cut, before any JSON is parsed, for the groups that may concern one
    /// file. Groups are ranked among all groups first, so <paramref name="limit"/> means the same as without needles.
    /// </summary>
    public async Task<IReadOnlyList<GroupWithLatestEvent>> ListGroupsWithLatestEventAsync(int limit, IReadOnlyList<byte[]> needles, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var mentioning = needles.Count == 0 ? "" : "WHERE " + string.Join(" OR ", needles.Select((_, i) => $"instr(e.raw_json, $needle{i}) > 0")) + " ";
        command.CommandText =
            $"SELECT {s_joinedGroupColumns}, e.rowid, e.group_id, e.received_at, e.raw_json, e.problems, e.authenticated " +
            $"FROM (SELECT {GroupColumns} FROM groups ORDER BY last_seen DESC, id LIMIT $limit) AS g " +
            "LEFT JOIN events AS e ON e.rowid = (SELECT MAX(rowid) FROM events WHERE group_id = g.id) " +
            mentioning +
            "ORDER BY g.last_seen DESC, g.id;";
        command.Parameters.AddWithValue("$limit", Math.Max(0, limit));
        for (var i = 0; i < needles.Count; i++)
        {
            command.Parameters.Add($"$needle{i}", SqliteType.Blob).Value = needles[i];
        }

        var rows = new List<(ErrorGroup Group, long Cursor, string GroupId, long ReceivedAt, byte[]? Raw, string? Problems, bool Authenticated)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            const int e = 17;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var group = ReadGroup(reader);
                rows.Add(reader.IsDBNull(e)
                    ? (group, 0, group.Id, 0, null, null, false)
                    : (group, reader.GetInt64(e), reader.GetString(e + 1), reader.GetInt64(e + 2), (byte[])reader.GetValue(e + 3),
                        reader.IsDBNull(e + 4) ? null : reader.GetString(e + 4), reader.GetInt64(e + 5) != 0));
            }
        }

        var result = new GroupWithLatestEvent[rows.Count];
        Parallel.For(0, rows.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var row = rows[i];
            result[i] = new GroupWithLatestEvent(row.Group, row.Raw is null ? null
                : ToStoredEvent(row.Cursor, row.GroupId, DateTimeOffset.FromUnixTimeMilliseconds(row.ReceivedAt), row.Raw, row.Problems, row.Authenticated));
        });
        return result;
    }

    public async Task<ErrorGroup?> GetGroupAsync(string groupId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {GroupColumns} FROM groups WHERE id = $id;";
        command.Parameters.AddWithValue("$id", groupId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadGroup(reader) : null;
    }

    public async Task<IReadOnlyList<ErrorGroup>> GetGroupsAsync(IReadOnlyCollection<string> groupIds, CancellationToken cancellationToken)
    {
        if (groupIds.Count == 0)
        {
            return [];
        }

        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {GroupColumns} FROM groups WHERE id IN (SELECT value FROM json_each($ids));";
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(groupIds.ToArray(), StoreJson.Default.StringArray));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var groups = new List<ErrorGroup>(groupIds.Count);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            groups.Add(ReadGroup(reader));
        }

        return groups;
    }

    /// <summary>The group's most recently received event kept, re-parsed from its raw JSON; null when none.</summary>
    public async Task<ErrorEvent?> GetLatestEventAsync(string groupId, CancellationToken cancellationToken) =>
        (await GetLatestStoredEventAsync(groupId, cancellationToken).ConfigureAwait(false))?.Event;

    /// <summary>
    /// The group's most recently received event kept, with where it stands in the store and whether its sender was
    /// authenticated; null when none is kept or it no longer parses.
    /// </summary>
    public async Task<StoredEvent?> GetLatestStoredEventAsync(string groupId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StoredEventColumns} FROM events WHERE group_id = $group ORDER BY rowid DESC LIMIT 1;";
        command.Parameters.AddWithValue("$group", groupId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadStoredEvent(reader) : null;
    }

    /// <summary>Events stored after <paramref name="cursor"/> (a row id; 0 for the start), oldest first.</summary>
    public async Task<IReadOnlyList<StoredEvent>> GetEventsAfterAsync(long cursor, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {StoredEventColumns} FROM events WHERE rowid > $cursor ORDER BY rowid LIMIT $limit;";
        command.Parameters.AddWithValue("$cursor", cursor);
        command.Parameters.AddWithValue("$limit", Math.Max(0, limit));
        var events = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (ReadStoredEvent(reader) is { } stored)
            {
                events.Add(stored);
            }
        }

        return events;
    }

    private static StoredEvent? ReadStoredEvent(SqliteDataReader reader) =>
        ToStoredEvent(reader.GetInt64(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)), (byte[])reader.GetValue(3),
            reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetInt64(5) != 0);

    private static StoredEvent? ToStoredEvent(long cursor, string groupId, DateTimeOffset receivedAt, byte[] raw, string? problemsJson, bool authenticated)
    {
        var parsed = EventParsing.Parse(raw, receivedAt);
        if (parsed.Value is not { } errorEvent)
        {
            return null;
        }

        // The feed reads only what it stores at ingest; what the full parser could not read is found here, when the
        // event is read. Events stored by older versions kept their problems in the column.
        var problems = problemsJson is null
            ? parsed.Problems.Select(p => p.ToString()).ToArray()
            : JsonSerializer.Deserialize(problemsJson, StoreJson.Default.StringArray) ?? [];
        return new StoredEvent(cursor, groupId, receivedAt, errorEvent, problems, Authenticated: authenticated);
    }

    /// <summary>The cursor of the newest event stored (0 when empty): a follower starting now reads after it.</summary>
    public async Task<long> GetLastCursorAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(rowid), 0) FROM events;";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>Sets a group's status; false when the group is unknown.</summary>
    public async Task<bool> SetStatusAsync(string groupId, GroupStatus status, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var command = _writer.CreateCommand();
            command.CommandText = "UPDATE groups SET status = $status WHERE id = $id;";
            command.Parameters.AddWithValue("$status", StatusText(status));
            command.Parameters.AddWithValue("$id", groupId);
            return command.ExecuteNonQuery() == 1;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM groups), COUNT(*), COALESCE(SUM(size), 0), (SELECT COALESCE(SUM(count), 0) FROM groups) FROM events;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new StoreStats(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    /// <summary>Lets the writer connection's page cache go (it refills as batches come); the feed calls it when idle.</summary>
    public async Task ReleaseMemoryAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_disposed)
            {
                Execute(_writer, "PRAGMA shrink_memory;");
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
