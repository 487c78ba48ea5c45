using System.Collections.Immutable;
using Heal.Core.Model;

namespace Heal.Repair.Context;

/// <summary>
/// What a diagnoser may read about one crash, bounded in size: the linked frames, the source around them and
/// the symbols they use. Built offline with Roslyn by <see cref="IContextBuilder"/>.
/// </summary>
/// <param name="Event">The event (untrusted data).</param>
/// <param name="Exception">The exception whose frames locate the bug.</param>
/// <param name="Frames">The in-app frames that link to workspace files, throwing frame first, then callers outward.</param>
/// <param name="Snippets">Source excerpts, most important first; their total size is bounded.</param>
/// <param name="AllowedFiles">Repository-relative files a patch may touch: the files of <see cref="Frames"/>.</param>
public sealed record RepairContext(
    ErrorEvent Event,
    ExceptionInfo Exception,
    ImmutableArray<LinkedFrame> Frames,
    ImmutableArray<ContextSnippet> Snippets,
    ImmutableArray<string> AllowedFiles);
