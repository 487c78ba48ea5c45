namespace Heal.Repair.Analysis;

/// <summary>How a null test is written.</summary>
public enum GuardForm
{
    /// <summary><c>x is null</c>.</summary>
    IsNull,

    /// <summary><c>x == null</c>.</summary>
    EqualsNull,

    /// <summary><c>x is not { }</c> or <c>x is not T t</c>.</summary>
    IsNotPattern,

    /// <summary><c>ArgumentNullException.ThrowIfNull(x)</c>.</summary>
    ThrowIfNull,

    /// <summary><c>throw new ArgumentNullException(nameof(x))</c> under a null test, or <c>x ?? throw new ArgumentNullException(…)</c>.</summary>
    ThrowArgumentNull,

    /// <summary><c>x?.y</c>, possibly followed by <c>?? fallback</c>.</summary>
    ConditionalAccess,

    /// <summary><c>x ?? fallback</c>.</summary>
    Coalesce,
}
