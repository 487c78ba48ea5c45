using Microsoft.Data.Sqlite;

namespace Heal.Feed.Store;

/// <summary>
/// The store's schema, as an ordered list of migrations. <c>PRAGMA user_version</c> holds how many have run; each
/// runs once, in order, inside one transaction with the version bump, so a crash mid-migration leaves the old schema.
/// Never edit a shipped migration: append a new one.
/// </summary>
public static class Migrations
{
    private static readonly string[] s_steps =
    [
        // 1: groups and events. Times are Unix milliseconds (UTC); raw_json is the event's UTF-8 bytes as received.
        """
        CREATE TABLE groups (
            id              TEXT PRIMARY KEY,
            fingerprint     TEXT NOT NULL,
            basis           TEXT,
            type            TEXT NOT NULL,
            message         TEXT,
            count           INTEGER NOT NULL,
            first_seen      INTEGER NOT NULL,
            last_seen       INTEGER NOT NULL,
            last_release    TEXT,
            status          TEXT NOT NULL CHECK (status IN ('open', 'muted', 'resolved', 'regressed')),
            frame_file      TEXT,
            frame_abs_path  TEXT,
            frame_function  TEXT,
            frame_module    TEXT,
            frame_line      INTEGER,
            frame_column    INTEGER,
            frame_in_app    INTEGER,
            latest_event_id TEXT,
            kept_events     INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        CREATE INDEX groups_last_seen ON groups (last_seen DESC);
        CREATE TABLE events (
            rowid       INTEGER PRIMARY KEY,
            id          TEXT NOT NULL UNIQUE,
            group_id    TEXT NOT NULL,
            timestamp   INTEGER NOT NULL,
            received_at INTEGER NOT NULL,
            release     TEXT,
            raw_json    BLOB NOT NULL,
            size        INTEGER NOT NULL,
            problems    TEXT
        );
        CREATE INDEX events_group ON events (group_id, rowid);
        """,

        // 2: whether the receiver checked the sender's DSN key. Auto-merge needs an event from an authenticated
        // source; events stored before this column existed count as unauthenticated.
        """
        ALTER TABLE events ADD COLUMN authenticated INTEGER NOT NULL DEFAULT 0;
        """,
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int Latest => s_steps.Length;

    /// <summary>Brings the database to <see cref="Latest"/>. Throws <see cref="StoreException"/> for a store written by a newer Heal.</summary>
    public static void Apply(SqliteConnection connection)
    {
        var current = ReadVersion(connection);
        if (current > Latest)
        {
            throw new StoreException($"the store has schema version {current} but this Heal knows only up to {Latest}; use a newer Heal.", problem: StoreProblem.NewerVersion);
        }

        for (var version = current; version < Latest; version++)
        {
            using var transaction = connection.BeginTransaction();
            using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = s_steps[version] + $"\nPRAGMA user_version = {version + 1};";
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    public static int ReadVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
