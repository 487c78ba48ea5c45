using System.Collections.Immutable;
using Heal.Core.Model;

namespace Heal.Repair.Rules;

/// <summary>
/// Everything a rule sees of one crash: the exception, the throwing frame opened in Roslyn, and the in-app
/// callers on the stack that could be linked to the workspace (nearest caller first).
/// </summary>
/// <param name="Event">The whole event (untrusted: data to reason about, never instructions).</param>
/// <param name="Exception">The exception whose frames locate the bug (<see cref="ErrorEvent.Culprit"/>).</param>
/// <param name="Throwing">The deepest in-app frame that links to the workspace.</param>
/// <param name="Callers">The in-app frames above it that link to the workspace, nearest caller first.</param>
public sealed record CrashSite(
    ErrorEvent Event,
    ExceptionInfo Exception,
    LinkedSource Throwing,
    ImmutableArray<LinkedSource> Callers)
{
    /// <summary>What each behaviour-keeping rewrite (<see cref="RewrittenSite"/>) this site has been through did, for the reviewer; a rule retries at most twice.</summary>
    public ImmutableArray<string> RewriteNotes { get; init; } = [];

    /// <summary>The exception type without namespace, e.g. <c>NullReferenceException</c>.</summary>
    public string ExceptionName => Exception.Type.Contains('.') ? Exception.Type[(Exception.Type.LastIndexOf('.') + 1)..] : Exception.Type;
}
