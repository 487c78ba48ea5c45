namespace Heal.LanguageServer;

/// <summary>How <see cref="RequestQueue"/> schedules a method; see its remarks.</summary>
public enum RequestKind
{
    /// <summary>Lifecycle messages: run at once, in arrival order.</summary>
    Immediate,

    /// <summary>Changes server state (documents, mutes, snapshots): one at a time in arrival order.</summary>
    Mutating,

    /// <summary>Reads a snapshot after all earlier mutations; concurrent with other reads.</summary>
    ReadOnly,

    /// <summary>Long work (build, tests, push): in the background, reporting through <c>$/progress</c>.</summary>
    Background,
}
