namespace Heal.Repair.Analysis;

/// <summary>What an <see cref="IntentSignal"/> says about the failing case.</summary>
public enum IntentStance
{
    /// <summary>It names the outcome (<see cref="IntentSignal.Outcome"/>): "returns null when…", <c>if (x == null) return 0;</c>.</summary>
    Names,

    /// <summary>It forbids the outcome: "must never come back as 0".</summary>
    Forbids,

    /// <summary>The value may legitimately be absent (a <c>T?</c>, a producer documented to return null): a guard is legitimate, but which outcome is not said.</summary>
    Optional,

    /// <summary>The value must be present (<c>[NotNull]</c>, <c>required</c>, "never null"): absence is a bug where it was produced.</summary>
    Required,

    /// <summary>The failure is the contract (<c>&lt;exception cref="KeyNotFoundException"&gt;</c>, "a missing code is an error"): it must surface.</summary>
    Intended,
}
