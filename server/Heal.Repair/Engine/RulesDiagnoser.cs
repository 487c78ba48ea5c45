using System.Collections.Immutable;
using Heal.Core.Diffs;
using Heal.Core.Model;
using Heal.Repair.Regression;
using Heal.Repair.Rules;
using Heal.Repair.Workspace;

namespace Heal.Repair.Engine;

/// <summary>
/// The offline diagnoser: opens the crash site in the workspace, asks the rules in <see cref="RuleSet"/>
/// order (the first that matches and answers wins), and turns the winning rule's edits into a git diff. It
/// refuses any edit outside the files of the crash's in-app frames, and never throws for a bad event, a
/// workspace it cannot read or a failing rule: each becomes a decline that says what happened.
/// </summary>
public sealed class RulesDiagnoser : IDiagnoser
{
    public const string DiagnoserName = "rules";

    /// <summary>A line the rule reasoned from that moved since the release is a little less certain.</summary>
    private const double ReanchoredPenalty = 0.1;

    /// <summary>A fix whose regression test can only check "does not throw" has not shown its behaviour is the intended one.</summary>
    private const double UnassertedOutcomePenalty = 0.05;

    private readonly WorkspaceProvider _workspaces;
    private readonly ImmutableArray<ICrashRule> _rules;

    public RulesDiagnoser(WorkspaceProvider workspaces, ImmutableArray<ICrashRule>? rules = null)
    {
        _workspaces = workspaces;
        _rules = rules ?? RuleSet.Default;
    }

    public string Name => DiagnoserName;

    /// <summary>The rules write patches from the repository's own code, the same every time: no sandbox needed to build them.</summary>
    public bool IsDeterministic => true;

    public async Task<Diagnosis> DiagnoseAsync(RepairRequest request, CancellationToken cancellationToken)
    {
        RepositoryWorkspace workspace;
        try
        {
            workspace = await _workspaces.GetAsync(request.RepositoryRoot, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Diagnosis.Declined(Name, $"the repository '{request.RepositoryRoot}' could not be loaded: {e.Message}", Describe(request.Event));
        }

        CrashSiteResult crash;
        try
        {
            crash = await CrashSiteBuilder.BuildAsync(workspace, request.Event, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Diagnosis.Declined(Name, $"the crash site could not be opened: {e.Message}", Describe(request.Event));
        }

        if (crash.Site is not { } site)
        {
            return Diagnosis.Declined(Name, crash.DeclineReason!, Describe(request.Event), FrameEvidence(workspace, crash.Linked));
        }

        var evidence = FrameEvidence(site);
        foreach (var rule in _rules)
        {
            RuleResult? result;
            try
            {
                if (!rule.Matches(site))
                {
                    continue;
                }

                result = rule.Apply(site, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return Diagnosis.Declined($"{Name}/{rule.Id}", $"the rule {rule.Id} failed: {e.GetType().Name}: {e.Message}", Describe(request.Event), evidence);
            }

            if (result is null)
            {
                continue;
            }

            // A rule's answer is still the rule's: a failure turning it into a patch or a regression test declines in its name.
            try
            {
                if ((rule.OnProbation || result.OnProbation) && !result.IsDecline)
                {
                    result = OnProbation(rule, result);
                }

                var diagnosis = ToDiagnosis(workspace, crash, site, rule, result, evidence);
                return diagnosis.Patch is { } patch ? WithRegressionTest(workspace, site, diagnosis, patch, result, cancellationToken) : diagnosis;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return Diagnosis.Declined($"{Name}/{rule.Id}", $"the rule {rule.Id} failed: {e.GetType().Name}: {e.Message}", Describe(request.Event), evidence);
            }
        }

        return Diagnosis.Declined(Name, $"no offline rule for {site.ExceptionName}", Describe(request.Event), evidence);
    }

    private static Diagnosis ToDiagnosis(
        RepositoryWorkspace workspace, CrashSiteResult crash, CrashSite site, ICrashRule rule, RuleResult result, ImmutableArray<Evidence> frameEvidence)
    {
        var diagnosis = ToDiagnosisCore(workspace, crash, site, rule, result, frameEvidence);
        var intent = result.Intent.IsDefaultOrEmpty ? [] : result.Intent.Select(s => s.ToEvidence()).Distinct().ToImmutableArray();
        if (diagnosis.Status == DiagnosisStatus.Diagnosed || result.Candidates.IsDefaultOrEmpty)
        {
            return diagnosis with { Intent = intent };
        }

        var allowed = crash.Linked.Select(l => l.RelativePath).ToHashSet(StringComparer.Ordinal);
        var candidates = result.Candidates
            .Select(c => new RepairCandidate(c.FixKind, c.Summary, c.Score, CandidatePatch(workspace, c.Edits, allowed),
                c.Intent.IsDefaultOrEmpty ? [] : c.Intent.Select(s => s.ToEvidence()).ToImmutableArray()))
            .ToImmutableArray();
        return diagnosis with { Intent = intent, Candidates = candidates };
    }

    /// <summary>
    /// Attaches the regression test; one that can only check "does not throw" (no outcome named) lowers the confidence, and
    /// <see cref="ConfidenceCalibration"/> caps it by what backs the fix's behaviour.
    /// </summary>
    private static Diagnosis WithRegressionTest(
        RepositoryWorkspace workspace, CrashSite site, Diagnosis diagnosis, string patch, RuleResult result, CancellationToken cancellationToken)
    {
        var test = RegressionTestWriter.TryWriteTest(workspace, site, patch, result.Outcome, cancellationToken);
        if (test?.Diff is null)
        {
            return ConfidenceCalibration.Apply(diagnosis, result, asserted: false);
        }

        if (test.Asserts is not null)
        {
            return ConfidenceCalibration.Apply(diagnosis with
            {
                RegressionTest = test.Diff,
                Reasons = diagnosis.Reasons.Add(new ConfidenceReason(0, $"the regression test asserts the intended outcome: {test.Asserts}")),
            }, result, asserted: true);
        }

        return ConfidenceCalibration.Apply(diagnosis with
        {
            RegressionTest = test.Diff,
            Confidence = Math.Round(Math.Max(0, diagnosis.Confidence - UnassertedOutcomePenalty), 2),
            Reasons = diagnosis.Reasons.Add(new ConfidenceReason(-UnassertedOutcomePenalty,
                "nothing names the outcome for the failing input, so the regression test can only check that it no longer throws")),
        }, result, asserted: false);
    }

    /// <summary>
    /// A fix from a rule on probation (<see cref="ICrashRule.OnProbation"/>) becomes a decline that shows the fix as its
    /// first candidate: the user sees what the rule would do and why, and nothing is validated, committed or merged.
    /// </summary>
    private static RuleResult OnProbation(ICrashRule rule, RuleResult fix)
    {
        var candidate = new RuleCandidate(
            fix.FixKind ?? "fix", $"{fix.FixKind}: {fix.Outcome?.Describe() ?? fix.Why}", fix.Outcome, fix.Confidence,
            fix.Edits, fix.Reasons, fix.Evidence, fix.Intent, fix.Why);
        var reason = rule.OnProbation
            ? $"the rule {rule.Id} is new and not yet proved on crashes its authors never saw, so its fix is shown as a candidate, not offered as a patch"
            : $"the fix of {rule.Id} first rewrites the code to make room for it ({fix.Why}), a kind of edit not yet proved on crashes its authors never saw, so it is shown as a candidate, not offered as a patch";
        return RuleResult.Decline(fix.RootCause, reason, fix.Evidence) with
        {
            Intent = fix.Intent,
            Candidates = [candidate, .. fix.Candidates.IsDefault ? [] : fix.Candidates.Where(c => !c.Edits.SequenceEqual(fix.Edits))],
        };
    }

    /// <summary>The diff of a candidate's edits, or null when they leave the crash's files or cannot be read.</summary>
    private static string? CandidatePatch(RepositoryWorkspace workspace, ImmutableArray<FileEdit> edits, HashSet<string> allowed)
    {
        var diffs = new List<string>();
        foreach (var edit in edits.GroupBy(e => e.RelativePath, StringComparer.Ordinal).Select(g => g.Last()).OrderBy(e => e.RelativePath, StringComparer.Ordinal))
        {
            if (!allowed.Contains(edit.RelativePath) || workspace.Index.ReadText(edit.RelativePath) is not { } oldText)
            {
                return null;
            }

            if (oldText != edit.NewText)
            {
                diffs.Add(UnifiedDiff.Create(edit.RelativePath, oldText, edit.NewText));
            }
        }

        return diffs.Count == 0 ? null : UnifiedDiff.Combine([.. diffs]);
    }

    private static Diagnosis ToDiagnosisCore(
        RepositoryWorkspace workspace, CrashSiteResult crash, CrashSite site, ICrashRule rule, RuleResult result, ImmutableArray<Evidence> frameEvidence)
    {
        var diagnoser = $"{DiagnoserName}/{rule.Id}";
        var evidence = Merge(frameEvidence, result.Evidence);
        var rootCause = string.IsNullOrWhiteSpace(result.RootCause) ? Describe(site.Event) : result.RootCause;
        if (result.IsDecline)
        {
            return Diagnosis.Declined(diagnoser, result.DeclineReason!, rootCause, evidence);
        }

        // The engine, not the rule, enforces the patch's scope: only files of linked in-app frames.
        var allowed = crash.Linked.Select(l => l.RelativePath).ToHashSet(StringComparer.Ordinal);
        var outside = result.Edits.Select(e => e.RelativePath).Where(p => !allowed.Contains(p)).Distinct().ToList();
        if (outside.Count > 0)
        {
            return Diagnosis.Declined(diagnoser,
                $"the rule {rule.Id} edited {string.Join(", ", outside)}, which is not a file of the crash's in-app frames; the patch was refused",
                rootCause, evidence);
        }

        var diffs = new List<string>();
        var files = ImmutableArray.CreateBuilder<string>();
        foreach (var edit in result.Edits.GroupBy(e => e.RelativePath, StringComparer.Ordinal).Select(g => g.Last()).OrderBy(e => e.RelativePath, StringComparer.Ordinal))
        {
            var oldText = workspace.Index.ReadText(edit.RelativePath);
            if (oldText is null)
            {
                return Diagnosis.Declined(diagnoser, $"the rule {rule.Id} edited {edit.RelativePath}, which cannot be read", rootCause, evidence);
            }

            if (oldText == edit.NewText)
            {
                continue;
            }

            diffs.Add(UnifiedDiff.Create(edit.RelativePath, oldText, edit.NewText));
            files.Add(edit.RelativePath);
        }

        if (diffs.Count == 0)
        {
            return Diagnosis.Declined(diagnoser, $"the rule {rule.Id} proposed no change", rootCause, evidence);
        }

        // Read the patch back as every consumer will, and check once more that it stays in scope.
        var patch = UnifiedDiff.Combine([.. diffs]);
        var parsed = Patch.Parse(patch);
        if (parsed.Value is null || parsed.Value.Files.Any(f => f.OldPath != f.NewPath || !allowed.Contains(f.Path)))
        {
            return Diagnosis.Declined(diagnoser, $"the patch of rule {rule.Id} does not read back as a change to the crash's files", rootCause, evidence);
        }

        // The rule's "why" (the pattern it recognised) is the basis of its confidence: the first reason.
        var reasons = ImmutableArray.CreateBuilder<ConfidenceReason>();
        if (!string.IsNullOrWhiteSpace(result.Why))
        {
            reasons.Add(new ConfidenceReason(0, result.Why.Trim()));
        }

        reasons.AddRange(result.Reasons.IsDefault ? [] : result.Reasons);
        var confidence = result.Confidence;
        if (site.Throwing.Frame.Reanchored)
        {
            confidence -= ReanchoredPenalty;
            reasons.Add(new ConfidenceReason(-ReanchoredPenalty,
                $"the throwing line moved from {site.Throwing.Frame.Frame.Line} to {site.Throwing.Frame.Line} since the release"));
        }

        return Diagnosis.Diagnosed(diagnoser, rootCause,
            patch, files.ToImmutable(), result.FixKind ?? rule.Id, confidence, reasons.ToImmutable(), evidence);
    }

    /// <summary>What is known without a rule: the exception, its message and where it was thrown.</summary>
    private static string Describe(ErrorEvent errorEvent)
    {
        var exception = errorEvent.Culprit;
        if (exception is null)
        {
            return errorEvent.Message ?? "";
        }

        var message = string.IsNullOrWhiteSpace(exception.Value) ? "" : $": {exception.Value}";
        var frame = exception.ThrowingFrame;
        var where = frame is null ? "" : $" in {frame.Function ?? "?"}{(frame.Path is null ? "" : $" ({frame.Path}{(frame.Line is int l ? $":{l}" : "")})")}";
        return $"{exception.Type}{message}{where}.";
    }

    private static ImmutableArray<Evidence> FrameEvidence(CrashSite site) =>
        site.Callers.Select(c => Line(c, "caller")).Prepend(Line(site.Throwing, "throwing frame")).ToImmutableArray();

    private static Evidence Line(LinkedSource source, string role) =>
        new(source.RelativePath, source.Frame.Line, source.Text.ToString(source.LineSpan).Trim(), role);

    private static ImmutableArray<Evidence> FrameEvidence(RepositoryWorkspace workspace, ImmutableArray<LinkedFrame> linked) =>
        linked.Reverse().Select((frame, i) =>
        {
            var lines = workspace.Index.ReadText(frame.RelativePath)?.Split('\n');
            var text = lines is not null && frame.Line <= lines.Length ? lines[frame.Line - 1].Trim() : "";
            return new Evidence(frame.RelativePath, frame.Line, text, i == 0 ? "throwing frame" : "caller");
        }).ToImmutableArray();

    private static ImmutableArray<Evidence> Merge(ImmutableArray<Evidence> first, ImmutableArray<Evidence> second) =>
        first.Concat(second.IsDefault ? [] : second).DistinctBy(e => (e.Path, e.Line, e.Role)).ToImmutableArray();
}
