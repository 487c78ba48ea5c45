using System.Collections.Immutable;

namespace Heal.Core.Model;

/// <summary>One exception of a chain.</summary>
/// <param name="Type">The exception type, e.g. <c>System.NullReferenceException</c> or <c>TypeError</c>.</param>
/// <param name="Value">The message.</param>
/// <param name="Module">The type's namespace or module when sent separately.</param>
/// <param name="Frames">Frames in Sentry order: outermost call first, the throwing frame last. May be empty.</param>
public sealed record ExceptionInfo(
    string Type,
    string? Value,
    string? Module,
    ExceptionMechanism? Mechanism,
    ImmutableArray<StackFrame> Frames)
{
    /// <summary>The frame that threw: the last in-app frame, else the last frame.</summary>
    public StackFrame? ThrowingFrame =>
        Frames.IsDefaultOrEmpty ? null : Frames.LastOrDefault(f => f.InApp == true) ?? Frames[^1];

    /// <summary>In-app frames, throwing frame last.</summary>
    public IEnumerable<StackFrame> InAppFrames => Frames.IsDefault ? [] : Frames.Where(f => f.InApp == true);

    /// <summary>
    /// True when the SDK marked at least one frame as the application's. When none is (Sentry's Python SDK 2.x or the Ruby SDK
    /// run outside their project root), every frame is a candidate, as Sentry itself then falls back to the full stack.
    /// </summary>
    public bool MarksAnyFrameInApp => !Frames.IsDefaultOrEmpty && Frames.Any(f => f.InApp == true);
}
