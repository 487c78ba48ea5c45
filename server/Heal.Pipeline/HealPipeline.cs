using System.Collections.Immutable;
using System.Diagnostics;
using Heal.Core.Model;
using Heal.Delivery;
using Heal.Delivery.Git;
using Heal.Repair;
using Heal.Repair.Linking;
using Heal.Repair.Workspace;
using Heal.Validation;
using Heal.Validation.Git;

namespace Heal.Pipeline;

/// <summary>
/// The whole loop for one error: diagnose → validate in a worktree (with one retry when build or tests fail)
/// → deliver. A diagnoser that is not deterministic (a model) writes untrusted code: validation builds and tests it only
/// in the sandbox, and without one the run ends <see cref="HealStatus.Unverified"/> with the patch for review. Used by the CLI and the language server alike. The scope a patch may touch is computed here from
/// the frames that link to the repository — never from the diagnosis or from event text — and handed to
/// validation, so nothing inside an event can widen it.
/// </summary>
public sealed class HealPipeline(IDiagnoser diagnoser, PatchValidator validator, DeliveryService delivery)
{
    /// <exception cref="HealPreconditionException">The repository cannot be used as asked, or the group already has a heal branch.</exception>
    /// <summary>
    /// What must hold before any work starts: a git working tree with commits (and a branch when pushing), and no heal branch
    /// for this group yet when delivering (a second run says so instead of silently making <c>heal/…-2</c>).
    /// </summary>
    private static async Task CheckPreconditionsAsync(HealRequest request, CancellationToken cancellationToken)
    {
        var willPush = request.Deliver && request.Delivery.PushRemote is not null && !request.Delivery.DryRun;
        if (await RepositoryCheck.FindProblemAsync(request.RepositoryRoot, willPush, cancellationToken) is { } problem)
        {
            throw new HealPreconditionException(problem.Code, problem.Message);
        }

        if (request.Deliver)
        {
            var groupId = request.Group?.Id ?? request.Event.Id;
            var existing = await BranchCommitter.HealBranchesOfGroupAsync(request.RepositoryRoot, groupId, cancellationToken);
            if (existing.Count > 0)
            {
                throw new HealPreconditionException("heal-branch-exists",
                    $"error group {groupId[..Math.Min(8, groupId.Length)]} already has the branch {existing[0]}: review or merge it, or delete it (git branch -D {existing[0]}) to heal the error again.");
            }
        }
    }

    public async Task<HealResult> RunAsync(HealRequest request, IProgress<HealProgress>? progress, CancellationToken cancellationToken)
    {
        await CheckPreconditionsAsync(request, cancellationToken);
        var timings = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        var total = Stopwatch.StartNew();
        // The same exception the diagnoser opens: the culprit, or the one wrapping it when only that one has application frames.
        var (culprit, allowed) = CrashSiteBuilder.LocatingOrder(request.Event).Select(e => (Exception: (ExceptionInfo?)e, Files: AllowedFiles(request.RepositoryRoot, e)))
            .FirstOrDefault(a => !a.Files.IsEmpty, (request.Event.Culprit, []));

        Diagnosis? diagnosis = null;
        ValidationReport? report = null;
        string? failure = null;
        string? previousPatch = null;
        Diagnosis? validated = null;
        ValidationRequest? validation = null;
        var attempts = 0;
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            progress?.Report(new HealProgress("diagnose", attempt == 1 ? "finding the root cause" : "asking for a corrected patch", attempt == 1 ? 5 : 55));
            var stopwatch = Stopwatch.StartNew();
            diagnosis = await diagnoser.DiagnoseAsync(new RepairRequest(request.Event, request.RepositoryRoot, failure), cancellationToken);
            timings[attempt == 1 ? "diagnose" : "diagnose-retry"] = stopwatch.Elapsed.TotalSeconds;
            if (diagnosis.Status == DiagnosisStatus.Declined || diagnosis.Patch is null)
            {
                if (attempt == 1)
                {
                    return Finish(HealStatus.Declined, "declined: " + (diagnosis.DeclineReason ?? "no patch"), diagnosis, null, null);
                }

                break;
            }

            if (attempt == 2 && diagnosis.Patch == previousPatch)
            {
                // A deterministic diagnoser proposes the same patch again; validating it twice proves nothing.
                break;
            }

            previousPatch = diagnosis.Patch;
            validated = diagnosis;
            attempts = attempt;
            var validationProgress = progress is null ? null : new Progress<string>(m => progress.Report(new HealProgress("validate", m, attempt == 1 ? 30 : 75)));
            stopwatch.Restart();
            validation = new ValidationRequest(request.RepositoryRoot, diagnosis.Patch, diagnosis, allowed, request.Event.Release, request.Validation,
                diagnosis.RegressionTest, culprit?.Type, Untrusted: !diagnoser.IsDeterministic);
            report = await validator.ValidateAsync(validation, validationProgress, cancellationToken);
            timings[attempt == 1 ? "validate" : "validate-retry"] = stopwatch.Elapsed.TotalSeconds;
            foreach (var (step, seconds) in report.Timings)
            {
                timings[$"validate.{step}"] = seconds;
            }

            if (report.Passed || report.FailureOutput is null)
            {
                break;
            }

            // Build or tests failed: the diagnoser sees the failure once and may propose a different patch.
            failure = report.FailureOutput;
        }

        if (report is not null && !report.Passed && validation is not null && await validator.WhyNotRunAsync(validation) is { } notRun
            && !report.Gates.Any(g => g.Status == GateStatus.Failed))
        {
            // A model's patch and no sandbox: shown for review, never delivered.
            return Finish(HealStatus.Unverified, "unverified: " + notRun, validated, report, null);
        }

        if (report is null || !report.Passed)
        {
            var failed = report?.Gates.FirstOrDefault(g => g.Status == GateStatus.Failed);
            return Finish(HealStatus.Rejected, failed is null ? "rejected" : $"rejected: the {failed.Name} gate failed: {failed.Detail}", validated ?? diagnosis, report, null);
        }

        if (!request.Deliver)
        {
            return Finish(HealStatus.Validated, "validated", validated, report, null);
        }

        progress?.Report(new HealProgress("deliver", "creating the branch", 90));
        var deliveryWatch = Stopwatch.StartNew();
        var deliveryProgress = progress is null ? null : new Progress<string>(m => progress.Report(new HealProgress("deliver", m, 95)));
        var delivered = await delivery.DeliverAsync(request.RepositoryRoot,
            new DeliveryContentInput(request.Event, request.Group, request.Origin, validated!, report, validated!.Patch!),
            request.Delivery, deliveryProgress, cancellationToken);
        timings["deliver"] = deliveryWatch.Elapsed.TotalSeconds;
        return Finish(HealStatus.Validated, delivered.PullRequest is { } pr ? $"validated; pull request #{pr.Number}" : $"validated; committed on {delivered.Branch}", validated, report, delivered);

        HealResult Finish(HealStatus status, string message, Diagnosis? d, ValidationReport? r, DeliveryResult? delivered)
        {
            timings["total"] = total.Elapsed.TotalSeconds;
            progress?.Report(new HealProgress("done", message, 100));
            return new HealResult(status, message, d, r, delivered, allowed, attempts, timings.ToImmutable());
        }
    }

    /// <summary>
    /// The files a patch may touch: C# sources that the error's in-app frames link to. A forged frame can name
    /// only a file that exists in the repository, and never CI, build or project files.
    /// </summary>
    public static ImmutableArray<string> AllowedFiles(string repositoryRoot, ExceptionInfo? culprit) =>
        culprit is null
            ? ImmutableArray<string>.Empty
            : FrameLinker.ForRepository(repositoryRoot).LinkAll(culprit)
                .Select(f => f.RelativePath)
                .Where(p => p.EndsWith(".cs", StringComparison.Ordinal) && Validation.Gates.ScopeRules.Forbidden(p) is null)
                .Distinct(StringComparer.Ordinal)
                .ToImmutableArray();
}
