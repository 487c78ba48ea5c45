using System.Text.Json;
using Heal.Core.Model;
using Npgsql;
using NpgsqlTypes;

namespace Heal.Feed.Store;

/// <summary>
/// Error groups and their events in a PostgreSQL database that any number of <c>heal feed</c> instances and readers
/// share. Each append is one transaction: one round trip inserts every event of the batch and upserts its group (one
/// statement per event, sent as one batch), then retention runs, then COMMIT.
/// </summary>
/// <remarks>
/// <para>Several writers: each append transaction first takes one transaction-scoped advisory lock
/// (<see cref="WriterLockKey"/>), so appends from every instance commit one after another. That is what keeps
/// <c>events.seq</c> in commit order (a follower reading "after seq N" never misses a row that commits later with a smaller
/// number), keeps the shared byte count exact, and makes retention see every other instance's events. Groups are still
/// upserted with <c>INSERT … ON CONFLICT</c> on their primary key and events inserted with <c>ON CONFLICT (id) DO NOTHING</c>,
/// so no duplicate group or event can exist whatever the interleaving.</para>
/// <para>Durability: <see cref="AppendAsync"/> returns after COMMIT, which with PostgreSQL's default
/// <c>synchronous_commit = on</c> means the WAL is flushed to disk: an acknowledged event survives the feed being killed
/// and the database server crashing.</para>
/// </remarks>
public sealed partial class PostgresErrorStore : IErrorStore
{
    /// <summary>The advisory-lock key every append takes ("HEALWRIT").</summary>
    public const long WriterLockKey = 0x4845414C57524954;

    private const string AppendOneSql =
        "WITH ins AS (INSERT INTO events (id, group_id, timestamp, received_at, release, raw_json, size, problems, authenticated) " +
        "VALUES (@id, @group, @timestamp, @received, @release, @raw, @size, @problems, @authenticated) ON CONFLICT (id) DO NOTHING RETURNING seq) " +
        "INSERT INTO groups AS g (id, fingerprint, basis, type, message, count, first_seen, last_seen, last_release, status, " +
        "frame_file, frame_abs_path, frame_function, frame_module, frame_line, frame_column, frame_in_app, latest_event_id, kept_events) " +
        "SELECT @group, @fingerprint, @basis, @type, @message, 1, @timestamp, @timestamp, @release, 'open', " +
        "@file, @abs, @function, @module, @line, @column, @inapp, @id, 1 FROM ins " +
        "ON CONFLICT (id) DO UPDATE SET count = g.count + 1, type = excluded.type, message = excluded.message, " +
        "first_seen = LEAST(g.first_seen, excluded.first_seen), last_seen = GREATEST(g.last_seen, excluded.last_seen), " +
        "last_release = COALESCE(excluded.last_release, g.last_release), " +
        "status = CASE g.status WHEN 'resolved' THEN 'regressed' ELSE g.status END, " +
        "frame_file = excluded.frame_file, frame_abs_path = excluded.frame_abs_path, frame_function = excluded.frame_function, " +
        "frame_module = excluded.frame_module, frame_line = excluded.frame_line, frame_column = excluded.frame_column, " +
        "frame_in_app = excluded.frame_in_app, latest_event_id = excluded.latest_event_id, kept_events = g.kept_events + 1 " +
        "RETURNING g.kept_events, (SELECT seq FROM ins);";

    private readonly NpgsqlDataSource _dataSource;
    private readonly StoreOptions _options;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private bool _disposed;

    private PostgresErrorStore(NpgsqlDataSource dataSource, StoreOptions options, string location)
    {
        _dataSource = dataSource;
        _options = options;
        Location = location;
    }

    public string Location { get; }

    /// <summary>
    /// Connects, and migrates the schema (creating it when <paramref name="create"/>; otherwise a database without Heal's
    /// schema is a <see cref="StoreException"/>). Any connection or permission failure is a <see cref="StoreException"/>
    /// naming the location without its password.
    /// </summary>
    public static PostgresErrorStore Open(StoreLocation location, StoreOptions? options = null, bool create = true)
    {
        if (location.Kind != StoreKind.Postgres)
        {
            throw new ArgumentException($"{location} is not a PostgreSQL location.", nameof(location));
        }

        var builder = new NpgsqlConnectionStringBuilder(location.ConnectionString)
        {
            // The append and read statements are few and hot: let Npgsql prepare them on every pooled connection.
            MaxAutoPrepare = 32,
            AutoPrepareMinUsages = 2,
        };
        var dataSource = NpgsqlDataSource.Create(builder);
        try
        {
            using var connection = dataSource.OpenConnection();
            PostgresMigrations.Apply(connection, create, location.Display);
            return new PostgresErrorStore(dataSource, options ?? StoreOptions.Default, location.Display);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            dataSource.Dispose();
            throw new StoreException($"cannot open the store {location.Display}: {e.Message}", e);
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }

    public async Task<AppendResult> AppendAsync(IReadOnlyList<NewEvent> batch, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (batch.Count == 0)
            {
                return new AppendResult(0, 0, 0);
            }

            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var result = await AppendInTransactionAsync(connection, transaction, batch, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new StoreException($"the store {Location} could not commit: {e.Message}", e);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<AppendResult> AppendInTransactionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<NewEvent> batch, CancellationToken cancellationToken)
    {
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({WriterLockKey});", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var appends = new NpgsqlBatch(connection, transaction);
        foreach (var item in batch)
        {
            appends.BatchCommands.Add(AppendOne(item));
        }

        var stored = 0;
        long storedBytes = 0;
        long firstSeq = -1;
        var overCap = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var reader = await appends.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            var index = 0;
            do
            {
                if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var item = batch[index];
                    var kept = reader.GetInt32(0);
                    var seq = reader.GetInt64(1);
                    stored++;
                    storedBytes += item.RawJson.Length;
                    firstSeq = firstSeq < 0 ? seq : Math.Min(firstSeq, seq);
                    if (kept > _options.MaxEventsPerGroup)
                    {
                        overCap[item.GroupId] = kept - _options.MaxEventsPerGroup;
                    }
                }

                index++;
            }
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
        }

        var evicted = 0;
        long evictedBytes = 0;
        foreach (var (groupId, count) in overCap)
        {
            var (n, bytes) = await EvictFromGroupAsync(connection, transaction, groupId, count, cancellationToken).ConfigureAwait(false);
            evicted += n;
            evictedBytes += bytes;
        }

        long total;
        await using (var totals = new NpgsqlCommand("UPDATE store_totals SET bytes = bytes + @delta RETURNING bytes;", connection, transaction))
        {
            totals.Parameters.Add(new NpgsqlParameter<long>("delta", storedBytes - evictedBytes));
            total = (long)(await totals.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        if (total > _options.MaxTotalBytes && firstSeq >= 0)
        {
            var (n, bytes) = await EvictOldestAsync(connection, transaction, firstSeq, total, cancellationToken).ConfigureAwait(false);
            evicted += n;
            await using var totals = new NpgsqlCommand("UPDATE store_totals SET bytes = bytes - @removed;", connection, transaction);
            totals.Parameters.Add(new NpgsqlParameter<long>("removed", bytes));
            await totals.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return new AppendResult(stored, batch.Count - stored, evicted);
    }

    private static NpgsqlBatchCommand AppendOne(NewEvent item)
    {
        var frame = item.TopFrame;
        var command = new NpgsqlBatchCommand(AppendOneSql);
        var p = command.Parameters;
        p.Add(Text("id", item.Id));
        p.Add(Text("group", item.GroupId));
        p.Add(new NpgsqlParameter<long>("timestamp", item.Timestamp.ToUnixTimeMilliseconds()));
        p.Add(new NpgsqlParameter<long>("received", item.ReceivedAt.ToUnixTimeMilliseconds()));
        p.Add(Text("release", item.Release));
        p.Add(new NpgsqlParameter<ReadOnlyMemory<byte>>("raw", NpgsqlDbType.Bytea) { TypedValue = item.RawJson });
        p.Add(new NpgsqlParameter<long>("size", item.RawJson.Length));
        p.Add(Text("problems", item.Problems.Count == 0 ? null : JsonSerializer.Serialize(item.Problems.Select(x => x.ToString()).ToArray(), StoreJson.Default.StringArray)));
        p.Add(new NpgsqlParameter<bool>("authenticated", item.Authenticated));
        p.Add(Text("fingerprint", item.Fingerprint));
        p.Add(Text("basis", item.FingerprintBasis));
        p.Add(Text("type", item.Type));
        p.Add(Text("message", item.Message));
        p.Add(Text("file", frame?.File));
        p.Add(Text("abs", frame?.AbsolutePath));
        p.Add(Text("function", frame?.Function));
        p.Add(Text("module", frame?.Module));
        p.Add(new NpgsqlParameter("line", NpgsqlDbType.Integer) { Value = (object?)frame?.Line ?? DBNull.Value });
        p.Add(new NpgsqlParameter("column", NpgsqlDbType.Integer) { Value = (object?)frame?.Column ?? DBNull.Value });
        p.Add(new NpgsqlParameter("inapp", NpgsqlDbType.Boolean) { Value = (object?)frame?.InApp ?? DBNull.Value });
        return command;
    }

    private static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    private static async Task<(int Count, long Bytes)> EvictFromGroupAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string groupId, long count, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "WITH gone AS (DELETE FROM events WHERE seq IN (SELECT seq FROM events WHERE group_id = @group ORDER BY seq LIMIT @count) RETURNING size), " +
            "counted AS (SELECT COUNT(*)::integer AS n, COALESCE(SUM(size), 0)::bigint AS bytes FROM gone), " +
            "updated AS (UPDATE groups SET kept_events = kept_events - (SELECT n FROM counted) WHERE id = @group) " +
            "SELECT n, bytes FROM counted;", connection, transaction);
        command.Parameters.Add(Text("group", groupId));
        command.Parameters.Add(new NpgsqlParameter<long>("count", count));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetInt32(0), reader.GetInt64(1));
    }

    /// <summary>Evicts the store's oldest events until it is under its byte cap, never touching this batch's own events.</summary>
    private async Task<(int Count, long Bytes)> EvictOldestAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long firstSeqOfBatch, long total, CancellationToken cancellationToken)
    {
        var evicted = 0;
        long evictedBytes = 0;
        while (total > _options.MaxTotalBytes)
        {
            var seqs = new List<long>();
            var groups = new List<string>();
            await using (var oldest = new NpgsqlCommand("SELECT seq, group_id, size FROM events WHERE seq < @limit ORDER BY seq LIMIT 256;", connection, transaction))
            {
                oldest.Parameters.Add(new NpgsqlParameter<long>("limit", firstSeqOfBatch));
                await using var reader = await oldest.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (total > _options.MaxTotalBytes && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    seqs.Add(reader.GetInt64(0));
                    groups.Add(reader.GetString(1));
                    var size = reader.GetInt64(2);
                    total -= size;
                    evictedBytes += size;
                }
            }

            if (seqs.Count == 0)
            {
                break;
            }

            await using var delete = new NpgsqlCommand(
                "WITH gone AS (DELETE FROM events WHERE seq = ANY(@seqs) RETURNING group_id) " +
                "UPDATE groups SET kept_events = kept_events - c.n FROM (SELECT group_id, COUNT(*)::integer AS n FROM gone GROUP BY group_id) AS c WHERE groups.id = c.group_id;",
                connection, transaction);
            delete.Parameters.Add(new NpgsqlParameter<long[]>("seqs", seqs.ToArray()));
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            evicted += seqs.Count;
        }

        return (evicted, evictedBytes);
    }

    public async Task<bool> SetStatusAsync(string groupId, GroupStatus status, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await using var command = _dataSource.CreateCommand("UPDATE groups SET status = @status WHERE id = @id;");
        command.Parameters.Add(Text("status", GroupStatusText.From(status)));
        command.Parameters.Add(Text("id", groupId));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public async ValueTask DisposeAsync()
    {
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }
}
