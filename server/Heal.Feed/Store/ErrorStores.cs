namespace Heal.Feed.Store;

/// <summary>
/// The one place a store is opened from a location: the CLI and the language server pass the text they were given
/// (<c>--store</c>, the <c>store</c> option) and get an <see cref="IErrorStore"/>, whichever engine it is.
/// </summary>
public static class ErrorStores
{
    /// <summary>Opens the store the feed writes, creating it (the file, or the schema in the database) when missing, and migrates it.</summary>
    public static IErrorStore Open(StoreLocation location, StoreOptions? options = null) => location.Kind switch
    {
        StoreKind.Postgres => OpenPostgres(location, options, create: true),
        _ => SqliteErrorStore.Open(location.Path, options),
    };

    /// <summary>Opens a store a reader expects to exist; a missing file or a database without Heal's schema is a <see cref="StoreException"/>.</summary>
    public static IErrorStore OpenExisting(StoreLocation location, StoreOptions? options = null) => location.Kind switch
    {
        StoreKind.Postgres => OpenPostgres(location, options, create: false),
        _ => SqliteErrorStore.OpenExisting(location.Path, options),
    };

    /// <summary>
    /// Kept out of the methods above so that compiling them does not load Npgsql: a reader of a SQLite file (the
    /// default, and every <c>heal errors</c> on one machine) never pays for the PostgreSQL driver.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static IErrorStore OpenPostgres(StoreLocation location, StoreOptions? options, bool create) =>
        PostgresErrorStore.Open(location, options, create);

    /// <summary>Parses <paramref name="text"/> (see <see cref="StoreLocation.Parse"/>) and opens it as <see cref="Open(StoreLocation, StoreOptions?)"/> does.</summary>
    public static IErrorStore Open(string text, string? baseDirectory = null, StoreOptions? options = null) =>
        Open(StoreLocation.Parse(text, baseDirectory), options);

    /// <summary>Parses <paramref name="text"/> and opens it as <see cref="OpenExisting(StoreLocation, StoreOptions?)"/> does.</summary>
    public static IErrorStore OpenExisting(string text, string? baseDirectory = null, StoreOptions? options = null) =>
        OpenExisting(StoreLocation.Parse(text, baseDirectory), options);
}
