namespace Heal.Feed.Store;

/// <summary>Which engine keeps a store.</summary>
public enum StoreKind
{
    /// <summary>One SQLite file: the embedded default, one writer process.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database: one team feed, any number of feed instances and readers.</summary>
    Postgres,
}
