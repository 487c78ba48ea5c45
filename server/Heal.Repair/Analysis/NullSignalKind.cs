namespace Heal.Repair.Analysis;

/// <summary>Why an expression can be null. Origins that make absence a designed outcome come first.</summary>
public enum NullSignalKind
{
    /// <summary>Assigned or passed the <c>null</c> or <c>default</c> literal.</summary>
    NullLiteral,

    /// <summary>The result of a <c>*OrDefault</c> call (<c>FirstOrDefault</c>, <c>GetValueOrDefault</c>…).</summary>
    OrDefaultCall,

    /// <summary>The result of an <c>as</c> cast.</summary>
    AsCast,

    /// <summary>The out value of a <c>TryGet*</c> call, null when the call returned false.</summary>
    TryGetOut,

    /// <summary>The result of a <c>?.</c> conditional access.</summary>
    ConditionalAccess,

    /// <summary>Declared nullable (<c>T?</c>), or a method whose return is annotated nullable.</summary>
    NullableAnnotation,

    /// <summary>A method of the workspace whose body returns null.</summary>
    ReturnsNull,

    /// <summary>The compiler's nullable flow analysis says "maybe null" here.</summary>
    FlowState,

    /// <summary>A field or property explicitly set to null somewhere in its type.</summary>
    SetToNull,

    /// <summary>A field or property no constructor or initializer assigns.</summary>
    NotInitialized,

    /// <summary>Sibling code checks the same member for null: the codebase expects it to be absent sometimes.</summary>
    CheckedElsewhere,
}
