namespace Heal.Repair.Analysis;

/// <summary>What should happen when the failing condition occurs.</summary>
public enum OutcomeKind
{
    /// <summary>The method returns <see cref="ExpectedOutcome.Value"/> (or nothing, for <c>return;</c>).</summary>
    Return,

    /// <summary>The failing expression takes <see cref="ExpectedOutcome.Value"/> instead (<c>?? F</c>, <c>GetValueOrDefault(k, F)</c>, <c>DefaultIfEmpty(F)</c>).</summary>
    Substitute,

    /// <summary>The current item is skipped (<c>continue;</c>).</summary>
    Skip,

    /// <summary>The loop stops (<c>break;</c>).</summary>
    Stop,

    /// <summary>The method throws <see cref="ExpectedOutcome.Value"/>, an exception type the code chose.</summary>
    Throw,

    /// <summary>The absent value propagates as null (<c>?.</c>), or a call on it is skipped.</summary>
    Propagate,

    /// <summary>The failure is intended and must surface (the contract says it throws exactly this): no code fix.</summary>
    Surface,

    /// <summary>The value violates the callee's documented precondition: the caller that passes it is what needs fixing.</summary>
    CallerFix,
}
