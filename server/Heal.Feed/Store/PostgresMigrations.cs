using Npgsql;

namespace Heal.Feed.Store;

/// <summary>
/// The PostgreSQL store's schema, as an ordered list of migrations; <c>heal_schema.version</c> holds how many have run.
/// They run in one transaction under an advisory lock, so feed instances starting together migrate once and a crash
/// mid-migration leaves the old schema (PostgreSQL's DDL is transactional). Never edit a shipped migration: append one.
/// </summary>
/// <remarks>
/// The same tables and columns as SQLite's <see cref="Migrations"/> (times are Unix milliseconds, <c>raw_json</c> the
/// event's bytes as received), plus what several writers need: <c>events.seq</c>, assigned under the writer lock so its
/// order is commit order (followers read "after seq N" and must never miss a row committed later with a smaller number),
/// and <c>store_totals</c>, the byte count retention enforces, shared by every instance instead of kept in memory.
/// </remarks>
public static class PostgresMigrations
{
    /// <summary>The advisory-lock key migrations take (any 64-bit number no other application uses: "HEALMIGR").</summary>
    public const long MigrationLockKey = 0x4845414C4D494752;

    private static readonly string[] s_steps =
    [
        // 1: groups, events and the shared byte count.
        """
        CREATE TABLE groups (
            id              text PRIMARY KEY,
            fingerprint     text NOT NULL,
            basis           text,
            type            text NOT NULL,
            message         text,
            count           bigint NOT NULL,
            first_seen      bigint NOT NULL,
            last_seen       bigint NOT NULL,
            last_release    text,
            status          text NOT NULL CHECK (status IN ('open', 'muted', 'resolved', 'regressed')),
            frame_file      text,
            frame_abs_path  text,
            frame_function  text,
            frame_module    text,
            frame_line      integer,
            frame_column    integer,
            frame_in_app    boolean,
            latest_event_id text,
            kept_events     integer NOT NULL DEFAULT 0
        );
        CREATE INDEX groups_last_seen ON groups (last_seen DESC, id);
        CREATE TABLE events (
            seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            id            text NOT NULL UNIQUE,
            group_id      text NOT NULL,
            timestamp     bigint NOT NULL,
            received_at   bigint NOT NULL,
            release       text,
            raw_json      bytea NOT NULL,
            size          bigint NOT NULL,
            problems      text,
            authenticated boolean NOT NULL DEFAULT false
        );
        CREATE INDEX events_group ON events (group_id, seq);
        CREATE TABLE store_totals (
            singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
            bytes     bigint NOT NULL
        );
        INSERT INTO store_totals (bytes) VALUES (0);
        """,
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int Latest => s_steps.Length;

    /// <summary>
    /// Brings the database to <see cref="Latest"/>. With <paramref name="create"/> false a database without Heal's schema
    /// is a <see cref="StoreException"/> (a reader pointed at the wrong database must not create tables in it); a schema
    /// written by a newer Heal always is. A current schema is only read, so a read-only role can open the store.
    /// </summary>
    public static void Apply(NpgsqlConnection connection, bool create, string location)
    {
        var current = ReadVersion(connection);
        if (current == 0 && !create)
        {
            throw new StoreException($"no Heal store in {location}. Start 'heal feed --store {location}' first, or pass the right --store.");
        }

        CheckNotNewer(current, location);
        if (current == Latest)
        {
            return;
        }

        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLockKey});");
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS heal_schema (version integer NOT NULL);");
        // Another instance may have migrated while this one waited for the lock.
        current = ReadVersion(connection, transaction);
        CheckNotNewer(current, location);
        for (var version = current; version < Latest; version++)
        {
            Execute(connection, transaction, s_steps[version]);
        }

        Execute(connection, transaction, $"DELETE FROM heal_schema; INSERT INTO heal_schema (version) VALUES ({Latest});");
        transaction.Commit();
    }

    /// <summary>The schema version, 0 when the database holds no Heal store.</summary>
    public static int ReadVersion(NpgsqlConnection connection, NpgsqlTransaction? transaction = null)
    {
        using (var exists = new NpgsqlCommand("SELECT to_regclass('heal_schema') IS NOT NULL;", connection, transaction))
        {
            if (exists.ExecuteScalar() is not true)
            {
                return 0;
            }
        }

        using var command = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM heal_schema;", connection, transaction);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void CheckNotNewer(int current, string location)
    {
        if (current > Latest)
        {
            throw new StoreException($"the store {location} has schema version {current} but this Heal knows only up to {Latest}; use a newer Heal.");
        }
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
