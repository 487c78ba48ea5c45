using System.Collections.Immutable;
using Heal.Core.Model;
using Heal.Repair.Rules;

namespace Heal.Repair.Workspace;

/// <summary>
/// Opens the crash of one event in a loaded workspace: the culprit exception, its deepest in-app frame that
/// links to a C# document as <see cref="CrashSite.Throwing"/>, and the linked callers above it, nearest first.
/// </summary>
public static class CrashSiteBuilder
{
    public static async Task<CrashSiteResult> BuildAsync(RepositoryWorkspace workspace, ErrorEvent errorEvent, CancellationToken cancellationToken)
    {
        var exception = errorEvent.Culprit;
        if (exception is null)
        {
            return CrashSiteResult.Declined("the event has no exception, only a message: there is no crash site to inspect");
        }

        if (exception.Frames.IsDefaultOrEmpty)
        {
            return CrashSiteResult.Declined($"the {exception.Type} has no stack frames: there is no crash site to inspect");
        }

        var linked = workspace.Linker.LinkAll(exception);
        if (linked.IsEmpty && LocatingOrder(errorEvent).Skip(1).Select(e => (Exception: e, Linked: workspace.Linker.LinkAll(e))).FirstOrDefault(l => !l.Linked.IsEmpty) is { Exception: { } outer } wrapping)
        {
            // A cause thrown inside the runtime (a SocketException under an HttpRequestException) has no frame of the
            // application; the exception that wraps it carries the frames the application threw it through.
            exception = outer;
            linked = wrapping.Linked;
        }

        if (linked.IsEmpty)
        {
            return CrashSiteResult.Declined(
                $"no in-app frame of the {exception.Type} links to a file of the repository ({exception.Frames.Length} frame(s), e.g. '{DescribeTop(exception)}')");
        }

        var sources = new List<LinkedSource>();
        foreach (var frame in linked.Reverse())
        {
            if (await OpenAsync(workspace, frame, cancellationToken) is { } source)
            {
                sources.Add(source);
            }
        }

        if (sources.Count == 0)
        {
            return CrashSiteResult.Declined(
                $"the linked frames are not in C# files of a project ({string.Join(", ", linked.Select(l => l.RelativePath).Distinct())}): the offline rules read C# only",
                linked);
        }

        return new CrashSiteResult(new CrashSite(errorEvent, exception, sources[0], [.. sources.Skip(1)]), linked, null);
    }

    /// <summary>
    /// The exceptions that can locate the bug, in the order to try them: the culprit (<see cref="ErrorEvent.Culprit"/>), then
    /// the exceptions that wrap it with frames of their own, outward (Sentry lists the innermost first).
    /// </summary>
    public static IEnumerable<ExceptionInfo> LocatingOrder(ErrorEvent errorEvent)
    {
        if (errorEvent.Culprit is not { } culprit)
        {
            yield break;
        }

        yield return culprit;
        foreach (var outer in errorEvent.Exceptions.SkipWhile(e => e != culprit).Skip(1).Where(e => !e.Frames.IsDefaultOrEmpty))
        {
            yield return outer;
        }
    }

    /// <summary>The frame opened in Roslyn; null when its file is not a C# document of the workspace.</summary>
    public static async Task<LinkedSource?> OpenAsync(RepositoryWorkspace workspace, LinkedFrame frame, CancellationToken cancellationToken)
    {
        var document = workspace.GetDocument(frame.RelativePath);
        if (document is null)
        {
            return null;
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var span = SourceLocator.LineSpan(root.SyntaxTree.GetText(cancellationToken), frame.Line);
        if (span is null)
        {
            return null;
        }

        return new LinkedSource(frame, document, root, model, span.Value, SourceLocator.FindEnclosingMember(root, span.Value));
    }

    private static string DescribeTop(ExceptionInfo exception)
    {
        var frame = exception.ThrowingFrame!;
        var where = frame.Path ?? "?";
        return frame.Line is int line ? $"{where}:{line}" : where;
    }
}
