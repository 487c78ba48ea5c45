using Heal.Repair.Analysis;

namespace Heal.Repair.Rules;

/// <summary>
/// A rule's second look at a crash after a behaviour-keeping rewrite of the throwing file (<see cref="BodyBlock"/>,
/// <see cref="LocalHoist"/>) made room for the edit its evidence names: the site is rebuilt on the rewritten document
/// (new semantic model, the frame's line moved to where the failing code now stands, callers kept when the rewrite
/// did not touch them), and the rule is applied again. A fix found so carries the rewrite in its edit and is on probation.
/// </summary>
public static class RewrittenSite
{
    /// <summary>At most this many rewrites of one site (a block body, then a local).</summary>
    private const int MaxRewrites = 2;

    /// <summary>
    /// The fix <paramref name="rule"/> finds on the site rewritten by <paramref name="rewrite"/>; null when there is no rewrite,
    /// the site was rewritten enough, or the rule still declines (the caller then keeps its own decline). When the rule read
    /// <paramref name="named"/> outcomes before the rewrite, the fix must realise one of them: the rewrite makes room, it
    /// never changes what the code says should happen.
    /// </summary>
    public static RuleResult? Retry(ICrashRule rule, CrashSite site, SiteRewrite? rewrite, CancellationToken cancellationToken,
        IReadOnlyList<ExpectedOutcome>? named = null)
    {
        if (rewrite is null || site.RewriteNotes.Length >= MaxRewrites || Rebase(site, rewrite, cancellationToken) is not { } rebased)
        {
            return null;
        }

        var result = rule.Apply(rebased, cancellationToken);
        if (result is null || result.IsDecline || named is not null && (result.Outcome is not { } outcome || !named.Any(o => o.SameAs(outcome))))
        {
            return null;
        }

        var notes = string.Join("; ", rebased.RewriteNotes);
        return result.Why.Contains(notes, StringComparison.Ordinal) ? result with { OnProbation = true }
            : result with { Why = $"{result.Why} To make room for the fix, {notes}.", OnProbation = true };
    }

    /// <summary>The site on the rewritten document; null when the failing code cannot be found in it or its model cannot be built.</summary>
    public static CrashSite? Rebase(CrashSite site, SiteRewrite rewrite, CancellationToken cancellationToken)
    {
        var old = site.Throwing;
        var document = old.Document.WithSyntaxRoot(rewrite.Root);
        var root = document.GetSyntaxRootAsync(cancellationToken).GetAwaiter().GetResult();
        var model = document.GetSemanticModelAsync(cancellationToken).GetAwaiter().GetResult();
        var marked = root?.GetAnnotatedNodes(rewrite.Mark).FirstOrDefault();
        if (root is null || model is null || marked is null)
        {
            return null;
        }

        var text = root.SyntaxTree.GetText(cancellationToken);
        var line = text.Lines.GetLineFromPosition(marked.SpanStart);
        var throwing = new LinkedSource(old.Frame with { Line = line.LineNumber + 1 }, document, root, model, line.Span,
            SourceLocator.FindEnclosingMember(root, line.Span));
        var solution = document.Project.Solution;
        var callers = new List<LinkedSource>();
        foreach (var caller in site.Callers)
        {
            if (caller.Document.Id == old.Document.Id)
            {
                if (rewrite.Map(caller.LineSpan.Start) is not { } start)
                {
                    continue;
                }

                var callerLine = text.Lines.GetLineFromPosition(start);
                callers.Add(new LinkedSource(caller.Frame with { Line = callerLine.LineNumber + 1 }, document, root, model, callerLine.Span,
                    SourceLocator.FindEnclosingMember(root, callerLine.Span)));
                continue;
            }

            if (solution.GetDocument(caller.Document.Id) is not { } callerDocument
                || callerDocument.GetSyntaxRootAsync(cancellationToken).GetAwaiter().GetResult() is not { } callerRoot
                || callerDocument.GetSemanticModelAsync(cancellationToken).GetAwaiter().GetResult() is not { } callerModel)
            {
                continue;
            }

            callers.Add(caller with { Document = callerDocument, Root = callerRoot, SemanticModel = callerModel,
                Member = SourceLocator.FindEnclosingMember(callerRoot, caller.LineSpan) });
        }

        return site with
        {
            Throwing = throwing,
            Callers = [.. callers],
            RewriteNotes = site.RewriteNotes.Add(rewrite.Describe),
        };
    }

}
