namespace Heal.Repair.Analysis;

/// <summary>Whose documentation <see cref="DocIntent"/> reads, which decides what a named value means and how much it weighs.</summary>
public enum DocRole
{
    /// <summary>The failing method: a value it names is what the method returns (or substitutes) in the failing case.</summary>
    FailingMethod,

    /// <summary>The member, parameter or collection the condition is about: a value it names replaces the missing one.</summary>
    Subject,

    /// <summary>The type declaring the failing method: a convention for all its members.</summary>
    Type,

    /// <summary>The repository method that produced the value: "returns null when none" says absence is by design.</summary>
    Producer,
}
