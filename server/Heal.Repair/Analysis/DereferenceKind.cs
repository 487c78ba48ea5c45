namespace Heal.Repair.Analysis;

/// <summary>How code on a line uses a reference in a way that throws <c>NullReferenceException</c> when it is null.</summary>
public enum DereferenceKind
{
    /// <summary><c>a.b</c> or <c>a.M()</c>.</summary>
    MemberAccess,

    /// <summary><c>a[i]</c>.</summary>
    ElementAccess,

    /// <summary><c>foreach (var x in a)</c>.</summary>
    ForEach,

    /// <summary><c>(int)a</c> where <c>a</c> is a reference.</summary>
    Unboxing,

    /// <summary><c>await a</c> where <c>a</c> is a task held in a variable.</summary>
    Await,

    /// <summary><c>handler(args)</c> on a delegate or event.</summary>
    DelegateInvocation,
}
