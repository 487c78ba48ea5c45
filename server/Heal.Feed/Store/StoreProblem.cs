namespace Heal.Feed.Store;

/// <summary>Why a store could not be used.</summary>
public enum StoreProblem
{
    /// <summary>It could not be opened or read (permissions, a file that is not SQLite, a locked or corrupt database).</summary>
    Unusable,

    /// <summary>Nothing is there yet: no feed has written it.</summary>
    NotFound,

    /// <summary>A newer Heal wrote it, with a schema this version does not know.</summary>
    NewerVersion,
}
