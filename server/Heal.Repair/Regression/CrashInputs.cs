using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Heal.Repair.Regression;

/// <summary>
/// What a regression test must call and with what, so the crash happens again: the public method to call, the
/// values the crash site implies or the event captured, and a short name for the situation.
/// </summary>
/// <param name="Target">The public method the test calls: the throwing method, or the nearest public caller.</param>
/// <param name="ParameterValues">Parameter name → C# expression (a literal) for the parameters the crash fixes.</param>
/// <param name="MemberValues">Property or field → C# expression (a literal) for members the crash fixes, e.g. a null optional member.</param>
/// <param name="Situation">PascalCase words for the test name, e.g. <c>ZeroPrice</c> or <c>NullDiscount</c>.</param>
/// <param name="ThrowingMethodIsTarget">Whether the test calls the throwing method itself (then the patch's fallback is its result).</param>
public sealed record CrashInputs(
    IMethodSymbol Target,
    ImmutableDictionary<string, string> ParameterValues,
    ImmutableDictionary<ISymbol, string> MemberValues,
    string Situation,
    bool ThrowingMethodIsTarget);
