namespace Heal.Feed.Store;

/// <summary>SQLite's <c>PRAGMA synchronous</c> for the writer connection; see <see cref="StoreOptions.Synchronous"/>.</summary>
public enum StoreSynchronous
{
    Normal,
    Full,
}
