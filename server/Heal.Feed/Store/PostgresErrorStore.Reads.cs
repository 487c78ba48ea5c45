using System.Data.Common;
using System.Text.Json;
using Heal.Core.Model;
using Heal.Feed.Protocol;
using Npgsql;
using NpgsqlTypes;

namespace Heal.Feed.Store;

/// <summary>The reads: plain queries on pooled connections, never waiting for a writer (MVCC).</summary>
public sealed partial class PostgresErrorStore
{
    private const string GroupColumns =
        "id, fingerprint, type, message, count, first_seen, last_seen, last_release, status, frame_file, frame_abs_path, frame_function, frame_module, frame_line, frame_column, frame_in_app, latest_event_id";

    private const string StoredEventColumns = "seq, group_id, received_at, raw_json, problems, authenticated";

    public async Task<IReadOnlyList<ErrorGroup>> ListGroupsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {GroupColumns} FROM groups ORDER BY last_seen DESC, id LIMIT @limit;");
        command.Parameters.Add(new NpgsqlParameter<int>("limit", Math.Max(0, limit)));
        return await ReadGroupsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ErrorGroup>> ListGroupsPageAsync(
        IReadOnlyCollection<GroupStatus> statuses, GroupPageCursor? after, int limit, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            $"SELECT {GroupColumns} FROM groups " +
            "WHERE (cardinality(@statuses) = 0 OR status = ANY(@statuses)) " +
            "AND (@after_id IS NULL OR last_seen < @after_seen OR (last_seen = @after_seen AND id > @after_id)) " +
            "ORDER BY last_seen DESC, id LIMIT @limit;");
        command.Parameters.Add(new NpgsqlParameter<string[]>("statuses", statuses.Select(GroupStatusText.From).ToArray()));
        command.Parameters.Add(Text("after_id", after?.GroupId));
        command.Parameters.Add(new NpgsqlParameter<long>("after_seen", after?.LastSeenMilliseconds ?? 0));
        command.Parameters.Add(new NpgsqlParameter<int>("limit", Math.Max(0, limit)));
        return await ReadGroupsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public Task<IReadOnlyList<GroupWithLatestEvent>> ListGroupsWithLatestEventAsync(int limit, CancellationToken cancellationToken) =>
        ListGroupsWithLatestEventAsync(limit, [], cancellationToken);

    public async Task<IReadOnlyList<GroupWithLatestEvent>> ListGroupsWithLatestEventAsync(int limit, IReadOnlyList<byte[]> needles, CancellationToken cancellationToken)
    {
        var mentioning = needles.Count == 0 ? "" : "WHERE " + string.Join(" OR ", needles.Select((_, i) => $"position(@needle{i} in e.raw_json) > 0")) + " ";
        await using var command = _dataSource.CreateCommand(
            $"SELECT g.*, e.{StoredEventColumns.Replace(", ", ", e.", StringComparison.Ordinal)} " +
            $"FROM (SELECT {GroupColumns} FROM groups ORDER BY last_seen DESC, id LIMIT @limit) AS g " +
            "LEFT JOIN LATERAL (SELECT * FROM events WHERE group_id = g.id ORDER BY seq DESC LIMIT 1) AS e ON true " +
            mentioning +
            "ORDER BY g.last_seen DESC, g.id;");
        command.Parameters.Add(new NpgsqlParameter<int>("limit", Math.Max(0, limit)));
        for (var i = 0; i < needles.Count; i++)
        {
            command.Parameters.Add(new NpgsqlParameter<byte[]>("needle" + i, needles[i]));
        }
        var rows = new List<(ErrorGroup Group, RawEvent? Event)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            const int e = 17;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add((ReadGroup(reader), reader.IsDBNull(e) ? null : ReadRawEvent(reader, e)));
            }
        }

        var result = new GroupWithLatestEvent[rows.Count];
        Parallel.For(0, rows.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            result[i] = new GroupWithLatestEvent(rows[i].Group, rows[i].Event is { } raw ? ToStoredEvent(raw) : null));
        return result;
    }

    public async Task<ErrorGroup?> GetGroupAsync(string groupId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {GroupColumns} FROM groups WHERE id = @id;");
        command.Parameters.Add(Text("id", groupId));
        var groups = await ReadGroupsAsync(command, cancellationToken).ConfigureAwait(false);
        return groups.Count == 0 ? null : groups[0];
    }

    public async Task<IReadOnlyList<ErrorGroup>> GetGroupsAsync(IReadOnlyCollection<string> groupIds, CancellationToken cancellationToken)
    {
        if (groupIds.Count == 0)
        {
            return [];
        }

        await using var command = _dataSource.CreateCommand($"SELECT {GroupColumns} FROM groups WHERE id = ANY(@ids);");
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = groupIds.ToArray() });
        return await ReadGroupsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ErrorEvent?> GetLatestEventAsync(string groupId, CancellationToken cancellationToken) =>
        (await GetLatestStoredEventAsync(groupId, cancellationToken).ConfigureAwait(false))?.Event;

    public async Task<StoredEvent?> GetLatestStoredEventAsync(string groupId, CancellationToken cancellationToken) =>
        await LatestRawAsync(groupId, cancellationToken).ConfigureAwait(false) is { } raw ? ToStoredEvent(raw) : null;

    public async Task<(byte[] RawJson, DateTimeOffset ReceivedAt)?> GetLatestRawEventAsync(string groupId, CancellationToken cancellationToken) =>
        await LatestRawAsync(groupId, cancellationToken).ConfigureAwait(false) is { } raw ? (raw.Json, raw.ReceivedAt) : null;

    private async Task<RawEvent?> LatestRawAsync(string groupId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {StoredEventColumns} FROM events WHERE group_id = @group ORDER BY seq DESC LIMIT 1;");
        command.Parameters.Add(Text("group", groupId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadRawEvent(reader, 0) : null;
    }

    public async Task<IReadOnlyList<StoredEvent>> GetEventsAfterAsync(long cursor, int limit, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {StoredEventColumns} FROM events WHERE seq > @cursor ORDER BY seq LIMIT @limit;");
        command.Parameters.Add(new NpgsqlParameter<long>("cursor", cursor));
        command.Parameters.Add(new NpgsqlParameter<int>("limit", Math.Max(0, limit)));
        var events = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (ToStoredEvent(ReadRawEvent(reader, 0)) is { } stored)
            {
                events.Add(stored);
            }
        }

        return events;
    }

    public async Task<long> GetLastCursorAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT COALESCE(MAX(seq), 0) FROM events;");
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT (SELECT COUNT(*) FROM groups), COUNT(*), COALESCE(SUM(size), 0)::bigint, (SELECT COALESCE(SUM(count), 0)::bigint FROM groups) FROM events;");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new StoreStats(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    private static async Task<IReadOnlyList<ErrorGroup>> ReadGroupsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var groups = new List<ErrorGroup>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            groups.Add(ReadGroup(reader));
        }

        return groups;
    }

    private static ErrorGroup ReadGroup(DbDataReader reader)
    {
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        int? Int(int i) => reader.IsDBNull(i) ? null : reader.GetInt32(i);
        StackFrame? frame = null;
        if (Text(9) is not null || Text(10) is not null || Text(11) is not null)
        {
            frame = StackFrame.Create(Text(9), Text(10), Text(11), Text(12), Int(13), Int(14), reader.IsDBNull(15) ? null : reader.GetBoolean(15));
        }

        return new ErrorGroup(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            Text(3),
            reader.GetInt64(4),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
            DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
            Text(7),
            GroupStatusText.Parse(reader.GetString(8)),
            frame,
            Text(16));
    }

    private sealed record RawEvent(long Seq, string GroupId, DateTimeOffset ReceivedAt, byte[] Json, string? Problems, bool Authenticated);

    private static RawEvent ReadRawEvent(DbDataReader reader, int at) =>
        new(reader.GetInt64(at), reader.GetString(at + 1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(at + 2)),
            (byte[])reader.GetValue(at + 3), reader.IsDBNull(at + 4) ? null : reader.GetString(at + 4), reader.GetBoolean(at + 5));

    private static StoredEvent? ToStoredEvent(RawEvent raw)
    {
        if (EventParsing.Parse(raw.Json, raw.ReceivedAt).Value is not { } errorEvent)
        {
            return null;
        }

        var problems = raw.Problems is null ? [] : JsonSerializer.Deserialize(raw.Problems, StoreJson.Default.StringArray) ?? [];
        return new StoredEvent(raw.Seq, raw.GroupId, raw.ReceivedAt, errorEvent, problems, Authenticated: raw.Authenticated);
    }
}
