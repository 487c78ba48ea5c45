namespace Heal.Repair.Analysis;

/// <summary>What code does when a value is absent.</summary>
public enum AbsenceActionKind
{
    /// <summary><c>return;</c> or <c>return X;</c> (<see cref="AbsenceAction.Text"/> holds <c>X</c>, or null).</summary>
    Return,

    /// <summary><c>continue;</c> in a loop.</summary>
    Continue,

    /// <summary><c>break;</c> in a loop.</summary>
    Break,

    /// <summary><c>throw …;</c> (<see cref="AbsenceAction.Text"/> holds the whole statement).</summary>
    Throw,

    /// <summary>A fallback value: <c>x ?? F</c> or <c>x?.y ?? F</c> (<see cref="AbsenceAction.Text"/> holds <c>F</c>).</summary>
    Fallback,

    /// <summary><c>x?.y</c> with no fallback: the absent value propagates as null.</summary>
    Propagate,
}
