using System.Globalization;
using System.Text.Json;
using Heal.Core.Model;
using Heal.Feed.Protocol;
using Microsoft.Data.Sqlite;

namespace Heal.Feed.Store;

/// <summary>
/// Error groups and their events in one SQLite file (WAL mode). One writer connection, used under a lock, appends
/// whole batches in one transaction each (the receiver's group commit); reads use their own pooled connections and
/// never wait for the writer.
/// </summary>
/// <remarks>
/// Durability: an <see cref="AppendAsync"/> that returned has committed. With WAL and <c>synchronous=NORMAL</c> the
/// commit is in the operating system before COMMIT returns, so it survives the process being killed at any point;
/// only a power loss or kernel crash can lose the last commits. Choose <see cref="StoreSynchronous.Full"/> for that.
/// Retention runs inside the same transaction as the append, so the caps hold at every commit.
/// </remarks>
public sealed partial class SqliteErrorStore : IErrorStore, IDisposable
{
    private const string GroupColumns =
        "id, fingerprint, type, message, count, first_seen, last_seen, last_release, status, frame_file, frame_abs_path, frame_function, frame_module, frame_line, frame_column, frame_in_app, latest_event_id";

    private static readonly string s_joinedGroupColumns = string.Join(", ", GroupColumns.Split(", ").Select(c => "g." + c));

    private const string StoredEventColumns = "rowid, group_id, received_at, raw_json, problems, authenticated";

    private const string InsertEventSql =
        "INSERT INTO events (id, group_id, timestamp, received_at, release, raw_json, size, problems, authenticated) " +
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (id) DO NOTHING RETURNING rowid;";

    // One upsert per group per batch: the batch's events of a group are merged first (count, first and last seen, the
    // latest event's columns, the last release sent), which is what one upsert per event in order would leave.
    private const string UpsertGroupSql =
        "INSERT INTO groups (id, fingerprint, basis, type, message, count, first_seen, last_seen, last_release, status, " +
        "frame_file, frame_abs_path, frame_function, frame_module, frame_line, frame_column, frame_in_app, latest_event_id, kept_events) " +
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'open', ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?6) " +
        "ON CONFLICT (id) DO UPDATE SET count = count + excluded.count, type = excluded.type, message = excluded.message, " +
        "first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen), " +
        "last_release = coalesce(excluded.last_release, last_release), " +
        "status = CASE status WHEN 'resolved' THEN 'regressed' ELSE status END, " +
        "frame_file = excluded.frame_file, frame_abs_path = excluded.frame_abs_path, frame_function = excluded.frame_function, " +
        "frame_module = excluded.frame_module, frame_line = excluded.frame_line, frame_column = excluded.frame_column, " +
        "frame_in_app = excluded.frame_in_app, latest_event_id = excluded.latest_event_id, kept_events = kept_events + excluded.kept_events " +
        "RETURNING kept_events;";

    private readonly string _readConnectionString;
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly StoreOptions _options;
    private long _totalBytes;
    private bool _disposed;

    // The hot statements, prepared once on the writer connection and reused by every batch.
    private RawStatement? _insert;
    private RawStatement? _upsert;

    // The current batch's events merged by group, in the order groups first appear (reused between batches).
    private readonly Dictionary<string, GroupDelta> _deltas = new(StringComparer.Ordinal);
    private readonly List<GroupDelta> _deltaOrder = [];

    private SqliteErrorStore(string path, string readConnectionString, SqliteConnection writer, StoreOptions options, long totalBytes)
    {
        FilePath = path;
        _readConnectionString = readConnectionString;
        _writer = writer;
        _options = options;
        _totalBytes = totalBytes;
    }

    public string FilePath { get; }

    /// <summary>Opens the store at <paramref name="path"/>, creating the file and its folder when missing, and migrates it.</summary>
    public static SqliteErrorStore Open(string path, StoreOptions? options = null) => OpenCore(path, options ?? StoreOptions.Default, create: true);

    /// <summary>Opens an existing store; a missing file is a <see cref="StoreException"/>, not a new empty store.</summary>
    public static SqliteErrorStore OpenExisting(string path, StoreOptions? options = null)
    {
        if (!File.Exists(path))
        {
            throw new StoreException($"no store at '{path}'. Start 'heal feed --store {path}' first, or pass the right --store.", problem: StoreProblem.NotFound);
        }

        return OpenCore(path, options ?? StoreOptions.Default, create: false);
    }

    private static SqliteErrorStore OpenCore(string path, StoreOptions options, bool create)
    {
        var fullPath = Path.GetFullPath(path);
        if (create)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        }

        var writeConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString();
        var readConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

        var writer = new SqliteConnection(writeConnectionString);
        try
        {
            writer.Open();
            var synchronous = options.Synchronous == StoreSynchronous.Full ? "FULL" : "NORMAL";
            // A larger WAL between checkpoints: each checkpoint syncs the database file, and at the default of 1,000
            // pages a stream of 8 KB events would checkpoint every few hundred events. A 32 MiB page cache keeps the
            // random-keyed id index in memory.
            Execute(writer, $"PRAGMA journal_mode = WAL; PRAGMA synchronous = {synchronous}; PRAGMA wal_autocheckpoint = 8192; PRAGMA cache_size = -32768;");
            Migrations.Apply(writer);
            var totalBytes = Convert.ToInt64(Scalar(writer, "SELECT COALESCE(SUM(size), 0) FROM events;"), CultureInfo.InvariantCulture);
            return new SqliteErrorStore(fullPath, readConnectionString, writer, options, totalBytes);
        }
        catch (SqliteException e)
        {
            writer.Dispose();
            throw new StoreException($"cannot open the store '{path}': {e.Message}", e);
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Appends a batch in one transaction: each new event is inserted and counted in its group; an id already stored
    /// is ignored (idempotent resend); then retention evicts the oldest events beyond the caps. Returns after COMMIT.
    /// </summary>
    public async Task<AppendResult> AppendAsync(IReadOnlyList<NewEvent> batch, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return AppendLocked(batch);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private AppendResult AppendLocked(IReadOnlyList<NewEvent> batch)
    {
        var bytesBefore = _totalBytes;
        using var transaction = _writer.BeginTransaction();
        try
        {
            var insert = _insert ??= new RawStatement(_writer, InsertEventSql);
            var upsert = _upsert ??= new RawStatement(_writer, UpsertGroupSql);
            _deltas.Clear();
            _deltaOrder.Clear();

            var stored = 0;
            var duplicates = 0;
            var evicted = 0;
            long firstRowOfBatch = -1;
            foreach (var item in batch)
            {
                var raw = item.RawJson.Span;
                insert.Text(1, item.Id);
                insert.Text(2, item.GroupId);
                insert.Int(3, item.Timestamp.ToUnixTimeMilliseconds());
                insert.Int(4, item.ReceivedAt.ToUnixTimeMilliseconds());
                insert.Text(5, item.Release);
                insert.Blob(6, raw);
                insert.Int(7, raw.Length);
                insert.Text(8, item.Problems.Count == 0 ? null : JsonSerializer.Serialize(item.Problems.Select(p => p.ToString()).ToArray(), StoreJson.Default.StringArray));
                insert.Int(9, item.Authenticated ? 1 : 0);
                if (insert.StepScalar() is not { } rowId)
                {
                    duplicates++;
                    continue;
                }

                if (firstRowOfBatch < 0)
                {
                    firstRowOfBatch = rowId;
                }

                stored++;
                _totalBytes += raw.Length;
                if (_deltas.TryGetValue(item.GroupId, out var delta))
                {
                    delta.Add(item);
                }
                else
                {
                    delta = new GroupDelta(item);
                    _deltas[item.GroupId] = delta;
                    _deltaOrder.Add(delta);
                }
            }

            foreach (var delta in _deltaOrder)
            {
                var latest = delta.Latest;
                var frame = latest.TopFrame;
                upsert.Text(1, latest.GroupId);
                upsert.Text(2, delta.First.Fingerprint);
                upsert.Text(3, delta.First.FingerprintBasis);
                upsert.Text(4, latest.Type);
                upsert.Text(5, latest.Message);
                upsert.Int(6, delta.Count);
                upsert.Int(7, delta.FirstSeen);
                upsert.Int(8, delta.LastSeen);
                upsert.Text(9, delta.LastRelease);
                upsert.Text(10, frame?.File);
                upsert.Text(11, frame?.AbsolutePath);
                upsert.Text(12, frame?.Function);
                upsert.Text(13, frame?.Module);
                upsert.Int(14, frame?.Line);
                upsert.Int(15, frame?.Column);
                upsert.Int(16, frame?.InApp is { } inApp ? (inApp ? 1 : 0) : null);
                upsert.Text(17, latest.Id);
                var kept = upsert.StepScalar() ?? 0;
                if (kept > _options.MaxEventsPerGroup)
                {
                    evicted += EvictFromGroup(transaction, latest.GroupId, kept - _options.MaxEventsPerGroup);
                }
            }

            if (_totalBytes > _options.MaxTotalBytes && firstRowOfBatch >= 0)
            {
                evicted += EvictOldest(transaction, firstRowOfBatch);
            }

            transaction.Commit();
            return new AppendResult(stored, duplicates, evicted);
        }
        catch
        {
            _totalBytes = bytesBefore;
            throw;
        }
        finally
        {
            // The merged events point into request buffers: do not keep them until the next batch.
            _deltas.Clear();
            _deltaOrder.Clear();
        }
    }

    /// <summary>A batch's stored events of one group, merged as consecutive upserts would merge them.</summary>
    private sealed class GroupDelta(NewEvent first)
    {
        public NewEvent First { get; } = first;

        public NewEvent Latest { get; private set; } = first;

        public int Count { get; private set; } = 1;

        public long FirstSeen { get; private set; } = first.Timestamp.ToUnixTimeMilliseconds();

        public long LastSeen { get; private set; } = first.Timestamp.ToUnixTimeMilliseconds();

        public string? LastRelease { get; private set; } = first.Release;

        public void Add(NewEvent item)
        {
            var seen = item.Timestamp.ToUnixTimeMilliseconds();
            Latest = item;
            Count++;
            FirstSeen = Math.Min(FirstSeen, seen);
            LastSeen = Math.Max(LastSeen, seen);
            LastRelease = item.Release ?? LastRelease;
        }
    }

    private int EvictFromGroup(SqliteTransaction transaction, string groupId, long count)
    {
        using var delete = Command(transaction,
            "DELETE FROM events WHERE rowid IN (SELECT rowid FROM events WHERE group_id = $group ORDER BY rowid LIMIT $count) RETURNING size;",
            "$group", "$count");
        Set(delete, 0, groupId);
        Set(delete, 1, count);
        var removed = 0;
        using (var reader = delete.ExecuteReader())
        {
            while (reader.Read())
            {
                removed++;
                _totalBytes -= reader.GetInt64(0);
            }
        }

        using var update = Command(transaction, "UPDATE groups SET kept_events = kept_events - $removed WHERE id = $group;", "$removed", "$group");
        Set(update, 0, removed);
        Set(update, 1, groupId);
        update.ExecuteNonQuery();
        return removed;
    }

    /// <summary>Evicts the store's oldest events until it is under its byte cap, never touching this batch's own events.</summary>
    private int EvictOldest(SqliteTransaction transaction, long firstRowOfBatch)
    {
        using var oldest = Command(transaction,
            "SELECT rowid, group_id, size FROM events WHERE rowid < $limit ORDER BY rowid LIMIT 256;", "$limit");
        using var delete = Command(transaction, "DELETE FROM events WHERE rowid = $row;", "$row");
        using var update = Command(transaction, "UPDATE groups SET kept_events = kept_events - 1 WHERE id = $group;", "$group");
        var evicted = 0;
        while (_totalBytes > _options.MaxTotalBytes)
        {
            Set(oldest, 0, firstRowOfBatch);
            var victims = new List<(long Row, string Group, long Size)>();
            using (var reader = oldest.ExecuteReader())
            {
                while (reader.Read())
                {
                    victims.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)));
                }
            }

            if (victims.Count == 0)
            {
                break;
            }

            foreach (var (row, group, size) in victims)
            {
                if (_totalBytes <= _options.MaxTotalBytes)
                {
                    break;
                }

                Set(delete, 0, row);
                delete.ExecuteNonQuery();
                Set(update, 0, group);
                update.ExecuteNonQuery();
                _totalBytes -= size;
                evicted++;
            }
        }

        return evicted;
    }

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

    public static string StatusText(GroupStatus status) => status switch
    {
        GroupStatus.Open => "open",
        GroupStatus.Muted => "muted",
        GroupStatus.Resolved => "resolved",
        GroupStatus.Regressed => "regressed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static GroupStatus ParseStatus(string text) => text switch
    {
        "muted" => GroupStatus.Muted,
        "resolved" => GroupStatus.Resolved,
        "regressed" => GroupStatus.Regressed,
        _ => GroupStatus.Open,
    };

    private static ErrorGroup ReadGroup(SqliteDataReader reader)
    {
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        int? Int(int i) => reader.IsDBNull(i) ? null : reader.GetInt32(i);
        StackFrame? frame = null;
        if (Text(9) is not null || Text(10) is not null || Text(11) is not null)
        {
            frame = StackFrame.Create(Text(9), Text(10), Text(11), Text(12), Int(13), Int(14), Int(15) is { } inApp ? inApp != 0 : null);
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
            ParseStatus(reader.GetString(8)),
            frame,
            Text(16));
    }

    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_readConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private SqliteCommand Command(SqliteTransaction? transaction, string sql, params string[] parameters)
    {
        var command = _writer.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void Set(SqliteCommand command, int index, object? value) =>
        command.Parameters[index].Value = value ?? DBNull.Value;

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        _writeLock.Wait();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _insert?.Dispose();
            _upsert?.Dispose();
            _writer.Dispose();
            using var pooled = new SqliteConnection(_readConnectionString);
            SqliteConnection.ClearPool(pooled);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
