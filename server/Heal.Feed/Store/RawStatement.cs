using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Heal.Feed.Store;

/// <summary>
/// One prepared statement on the writer's connection, driven through SQLite's own API: parameters bound by position,
/// the event's bytes bound straight from the request buffer (no copy into a new array, which ADO.NET's binder makes),
/// no boxing. Only the writer's hot path uses it, inside transactions the connection opened.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    public void Text(int index, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(_statement, index) : raw.sqlite3_bind_text(_statement, index, value));

    public void Int(int index, long? value) =>
        Check(value is { } number ? raw.sqlite3_bind_int64(_statement, index, number) : raw.sqlite3_bind_null(_statement, index));

    public void Blob(int index, ReadOnlySpan<byte> value) => Check(raw.sqlite3_bind_blob(_statement, index, value));

    /// <summary>Runs the statement and returns the first column of its first row (RETURNING), or null when it returned none.</summary>
    public long? StepScalar()
    {
        try
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc == raw.SQLITE_ROW)
            {
                return raw.sqlite3_column_int64(_statement, 0);
            }

            if (rc != raw.SQLITE_DONE)
            {
                Check(rc);
            }

            return null;
        }
        finally
        {
            // Clearing the bindings frees SQLite's copy of the event's bytes now, not at the next bind.
            raw.sqlite3_reset(_statement);
            raw.sqlite3_clear_bindings(_statement);
        }
    }

    /// <summary>Runs the statement to the end: how many rows it returned and the sum of their first column (RETURNING size).</summary>
    public (int Rows, long Sum) StepAll()
    {
        try
        {
            int rows = 0;
            long sum = 0;
            int rc;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
                rows++;
                sum += raw.sqlite3_column_int64(_statement, 0);
            }

            Check(rc);
            return (rows, sum);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
            raw.sqlite3_clear_bindings(_statement);
        }
    }

    private void Check(int rc)
    {
        if (rc is not (raw.SQLITE_OK or raw.SQLITE_ROW or raw.SQLITE_DONE))
        {
            throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(_db).utf8_to_string()}'.", rc);
        }
    }

    public void Dispose() => _statement.Dispose();
}
