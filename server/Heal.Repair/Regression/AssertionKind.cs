namespace Heal.Repair.Regression;

/// <summary>What a regression test asserts about the failing input's result.</summary>
public enum AssertionKind
{
    /// <summary>The result equals an expected value.</summary>
    Equal,

    /// <summary>The result is null.</summary>
    Null,

    /// <summary>The result is an empty sequence.</summary>
    Empty,

    /// <summary>The call throws a given exception type (the domain exception the code documents).</summary>
    Throws,
}
