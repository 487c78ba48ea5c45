using Heal.Core.Model;
using Heal.Delivery.Body;
using Heal.Delivery.Git;
using Heal.Delivery.GitHub;

namespace Heal.Delivery;

/// <summary>
/// Turns a validated patch into a branch, a push and a pull request. It refuses anything that did not pass
/// validation: nothing unvalidated ever reaches a remote or the code host. Only this project talks to remotes.
/// </summary>
public sealed class DeliveryService(Func<PullRequestTarget, ICodeHost> codeHostFactory, GitCredentials credentials)
{
    public async Task<DeliveryResult> DeliverAsync(
        string repository, DeliveryContentInput input, DeliveryOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        if (!input.Report.Passed || input.Diagnosis.Status != DiagnosisStatus.Diagnosed || input.Patch.Length == 0)
        {
            throw new DeliveryException("the patch did not pass validation; nothing is delivered");
        }

        if (options.PullRequest is not null && options.PushRemote is null && !options.DryRun)
        {
            throw new DeliveryException("a pull request needs the branch pushed: give a remote to push to");
        }

        var decision = options.EffectiveAutoMerge.Decide(input.Report, options.StrictScope, input.Origin);
        var content = new DeliveryContent(input.Event, input.Group, input.Origin, input.Diagnosis, input.Report, input.Patch, decision);
        var body = PullRequestBody.Render(content);

        var exception = input.Event.Culprit;
        var wanted = BranchNaming.For(input.Group?.Id ?? input.Event.Id, exception?.Type ?? "error", exception?.ThrowingFrame?.Function);
        // Never a silent second branch: the pipeline stops earlier when the group has one, and update-ref refuses to move it.
        var branch = wanted;
        progress?.Report($"committing on {branch}");
        List<string> patches = [input.Patch];
        if (input.Report.RegressionTest is { } test)
        {
            patches.Add(test);
        }

        var workRoot = await WorkRootAsync(repository, options, cancellationToken);
        var commit = await BranchCommitter.CommitAsync(repository, input.Report.BaseCommit, branch, patches,
            PullRequestBody.CommitMessage(input.Event, input.Diagnosis, input.Group?.Id), workRoot, cancellationToken);

        string? bodyFile = null;
        if (options.BodyFile is not null || options.DryRun)
        {
            bodyFile = options.BodyFile ?? Path.Combine(workRoot, $"pr-{branch.Replace('/', '-')}.md");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(bodyFile))!);
            await File.WriteAllTextAsync(bodyFile, body, cancellationToken);
        }

        if (options.DryRun || options.PushRemote is null)
        {
            return new DeliveryResult(branch, commit, false, null, decision, false, body, bodyFile);
        }

        progress?.Report($"pushing {branch} to {BranchPusher.Describe(options.PushRemote)}");
        await Task.Run(() => BranchPusher.Push(repository, options.PushRemote, branch, credentials), cancellationToken);
        if (options.PullRequest is not { } target)
        {
            return new DeliveryResult(branch, commit, true, null, decision, false, body, bodyFile);
        }

        var host = codeHostFactory(target);
        var baseBranch = target.BaseBranch ?? await CurrentBranchAsync(repository, cancellationToken);
        progress?.Report($"opening a pull request on {target.Repository}");
        PullRequestRef pullRequest;
        try
        {
            pullRequest = await host.CreatePullRequestAsync(
                new NewPullRequestSpec(target.Repository, PullRequestBody.Title(input.Event, input.Diagnosis), branch, baseBranch, body, Draft: false),
                cancellationToken);
        }
        catch (Exception e)
        {
            // No pull request means nobody will review the pushed branch: take it off the remote again.
            var cleanup = RemovePushedBranch(repository, options.PushRemote, branch);
            if (e is OperationCanceledException)
            {
                throw;
            }

            var reason = e is DeliveryException ? e.Message : $"the pull request could not be opened: {credentials.Redact(e.Message)}";
            throw new DeliveryException($"{reason}; {cleanup}", e);
        }

        await host.AddLabelsAsync(pullRequest, options.EffectiveLabels, cancellationToken);
        var autoMerged = false;
        if (decision.Allowed)
        {
            await host.EnableAutoMergeAsync(pullRequest, cancellationToken);
            autoMerged = true;
        }

        return new DeliveryResult(branch, commit, true, pullRequest, decision, autoMerged, body, bodyFile);
    }

    private string RemovePushedBranch(string repository, string remote, string branch)
    {
        try
        {
            BranchPusher.Delete(repository, remote, branch, credentials);
            return $"the pushed branch {branch} was removed from {BranchPusher.Describe(remote)}";
        }
        catch (DeliveryException e)
        {
            return $"the pushed branch {branch} could not be removed from {BranchPusher.Describe(remote)}: {e.Message}";
        }
    }

    /// <summary><see cref="DeliveryOptions.WorkRoot"/>, else <c>.git/heal</c>; created for the current user only.</summary>
    private static async Task<string> WorkRootAsync(string repository, DeliveryOptions options, CancellationToken cancellationToken)
    {
        var root = options.WorkRoot ?? Path.Combine(await GitProcess.RunAsync(repository, ["rev-parse", "--absolute-git-dir"], null, null, cancellationToken), "heal");
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(root);
        }
        else
        {
            Directory.CreateDirectory(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return root;
    }

    private static async Task<string> CurrentBranchAsync(string repository, CancellationToken cancellationToken)
    {
        try
        {
            return await GitProcess.RunAsync(repository, ["symbolic-ref", "--short", "HEAD"], null, null, cancellationToken);
        }
        catch (DeliveryException)
        {
            return "main";
        }
    }
}
