namespace Heal.Repair.Analysis;

/// <summary>The condition a crash reveals, which the code's contract may say something about.</summary>
public enum FailureCondition
{
    /// <summary>A value (receiver, argument, member) is null.</summary>
    Null,

    /// <summary>A lookup's key has no entry.</summary>
    AbsentKey,

    /// <summary>A sequence has no (matching) element.</summary>
    EmptySequence,

    /// <summary>An index is past the end of a collection or text.</summary>
    IndexPastEnd,

    /// <summary>A divisor is zero.</summary>
    ZeroDivisor,

    /// <summary>Text does not parse (bad input, or well-formed in another culture or format).</summary>
    UnparsableText,

    /// <summary>An argument violates a documented precondition.</summary>
    InvalidArgument,

    /// <summary>An object is used after it was disposed.</summary>
    Disposed,

    /// <summary>A task's exception is not observed (async void, a task not awaited).</summary>
    UnobservedTask,
}
