namespace Heal.Repair.Analysis;

/// <summary>Where an <see cref="IntentSignal"/> was read.</summary>
public enum IntentKind
{
    /// <summary>XML documentation (<c>summary</c>, <c>returns</c>, <c>param</c>, <c>remarks</c>, <c>exception</c>) of the failing method, its type, the member involved.</summary>
    Documentation,

    /// <summary>The documentation of the repository method that produced the value (<c>returns null when no order has that number</c>).</summary>
    Producer,

    /// <summary>A nullable annotation: <c>T?</c> on the member, parameter or return.</summary>
    NullableAnnotation,

    /// <summary>A nullability attribute (<c>[MaybeNull]</c>, <c>[NotNull]</c>, <c>[NotNullWhen]</c>, <c>[AllowNull]</c>, <c>[DisallowNull]</c>).</summary>
    Attribute,

    /// <summary>A <c>required</c> member, or a constructor that always sets it.</summary>
    Required,

    /// <summary>A constant, static field or property named as the default or fallback of the value involved.</summary>
    NamedConstant,

    /// <summary>The failing method's own exit for the analogous case (an absence guard, a "nothing" return).</summary>
    OwnExit,

    /// <summary>How sibling code of the type handles the same or an analogous case.</summary>
    Sibling,

    /// <summary>How the callers handle the failing method's result (<c>if (x == null)</c> after the call…).</summary>
    Caller,

    /// <summary>A visible test of the method: its name and the value an edge-case test asserts.</summary>
    VisibleTest,

    /// <summary>The event, read as data only (the exception message's value, the frame chain).</summary>
    Event,
}
