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

    // Retention for a group over its cap: its oldest events, with their sizes for the byte count.
    private const string EvictGroupSql =
        "DELETE FROM events WHERE rowid IN (SELECT rowid FROM events WHERE group_id = ?1 ORDER BY rowid LIMIT ?2) RETURNING size;";

    private const string UncountKeptSql = "UPDATE groups SET kept_events = kept_events - ?1 WHERE id = ?2;";

    private readonly string _readConnectionString;
    private readonly SqliteConnection _writer;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly StoreOptions _options;
    private long _totalBytes;
    private bool _disposed;

    // The hot statements, prepared once on the writer connection and reused by every batch.
    private RawStatement? _insert;
    private RawStatement? _upsert;
    private RawStatement? _evictGroup;
    private RawStatement? _uncountKept;

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
            _evictGroup?.Dispose();
            _uncountKept?.Dispose();
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
