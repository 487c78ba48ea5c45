using System.Globalization;
using System.Text.Json;
using Heal.Core.Model;
using Heal.Feed.Protocol;
using Microsoft.Data.Sqlite;

namespace Heal.Feed.Store;

/// <summary>The write path: one transaction per batch (insert, group upsert from per-batch deltas, retention).</summary>
public sealed partial class SqliteErrorStore
{
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
                    evicted += EvictFromGroup(latest.GroupId, kept - _options.MaxEventsPerGroup);
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

    /// <summary>Evicts the group's oldest <paramref name="count"/> events with the writer's prepared statements (a crash storm fills its group's cap, and then every batch evicts).</summary>
    private int EvictFromGroup(string groupId, long count)
    {
        var delete = _evictGroup ??= new RawStatement(_writer, EvictGroupSql);
        delete.Text(1, groupId);
        delete.Int(2, count);
        var (removed, bytes) = delete.StepAll();
        _totalBytes -= bytes;
        var uncount = _uncountKept ??= new RawStatement(_writer, UncountKeptSql);
        uncount.Int(1, removed);
        uncount.Text(2, groupId);
        uncount.StepScalar();
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
}
