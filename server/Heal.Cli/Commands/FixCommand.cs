using System.CommandLine;
using Heal.Core.Model;
using Heal.Delivery;
using Heal.Feed.Store;
using Heal.Pipeline;
using Heal.Pipeline.Hosting;
using Heal.Validation;

namespace Heal.Cli.Commands;

/// <summary>
/// <c>heal fix</c>: the whole loop for one error — diagnose, validate in a worktree, commit on a <c>heal/…</c>
/// branch, and optionally push and open a pull request. Exit codes: 0 validated, 3 declined or rejected,
/// 4 unverified (a model's patch not built or tested: no sandbox, no <c>--allow-unsandboxed</c>), 2 usage, 1 internal error.
/// </summary>
public static class FixCommand
{
    private sealed record Options(
        string Repository, string? EventFile, string? StoreFile, string? GroupId, bool Offline, string? Push, bool PullRequest,
        string? GitHubUrl, string? GitHubRepo, string? BaseBranch, bool DryRun, string? BodyFile, bool AutoMerge,
        double AutoMergeThreshold, int? MaxLines, bool AllowUnsandboxed, bool Quiet);

    public static Command Create()
    {
        var repo = new Option<string>("--repo") { Description = "The repository to fix (a git work tree; it is never modified).", Required = true, HelpName = "DIR" };
        var eventFile = new Option<string?>("--event") { Description = "The error as a Sentry event JSON file (instead of --store/--group).", HelpName = "FILE" };
        var store = new Option<string?>("--store") { Description = "Read the error from this store (default: the per-user store every command and editor shares); needs --group.", HelpName = "FILE" };
        var group = new Option<string?>("--group") { Description = "The error group to fix: its id or a unique prefix, as 'heal errors' shows.", HelpName = "ID" };
        var offline = new Option<bool>("--offline") { Description = "Use only the deterministic rules, even when an LLM is configured (HEAL_LLM_*)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (status, patch, gates, branch, pullRequest, timings, ...)." };
        var push = new Option<string?>("--push") { Description = "Push the heal branch to this git remote (e.g. origin). Without it the branch stays local.", HelpName = "REMOTE" };
        var pr = new Option<bool>("--pr") { Description = "Open a pull request (needs --push, --github-url and --github-repo; token from HEAL_GITHUB_TOKEN or GITHUB_TOKEN)." };
        var githubUrl = new Option<string?>("--github-url") { Description = "The GitHub API address, e.g. https://api.github.com or https://ghe.example.com/api/v3.", HelpName = "URL" };
        var githubRepo = new Option<string?>("--github-repo") { Description = "The repository on GitHub.", HelpName = "OWNER/NAME" };
        var baseBranch = new Option<string?>("--base") { Description = "The pull request's base branch (default: the repository's default branch).", HelpName = "BRANCH" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and commit the branch locally, but push nothing and open no pull request." };
        var bodyFile = new Option<string?>("--body-file") { Description = "Also write the pull request's Markdown body to this file.", HelpName = "FILE" };
        var autoMerge = new Option<bool>("--auto-merge") { Description = "Ask GitHub to merge the pull request when its checks pass, if the policy allows (see the README)." };
        var threshold = new Option<double>("--auto-merge-threshold") { Description = "The lowest confidence that may auto-merge, between 0 and 1.", DefaultValueFactory = _ => AutoMergePolicy.DefaultThreshold, HelpName = "X" };
        var maxLines = new Option<int?>("--max-lines") { Description = "The most changed lines a patch may have (default 30).", HelpName = "N" };
        var allowUnsandboxed = new Option<bool>("--allow-unsandboxed") { Description = "Build and test a model-written patch on this machine even when no sandbox is available (see docs/security.md)." };
        var quiet = new Option<bool>("--quiet") { Description = "Do not print progress to stderr." };
        var command = new Command("fix", "Diagnose, validate in a worktree and deliver one error as a heal/... branch (and optionally a pull request).")
        {
            repo, eventFile, store, group, offline, json, push, pr, githubUrl, githubRepo, baseBranch, dryRun, bodyFile, autoMerge, threshold, maxLines, allowUnsandboxed, quiet,
        };
        return command.WithAction((context, cancellationToken) => RunAsync(
            new Options(context.Get(repo)!, context.Get(eventFile), context.Get(store), context.Get(group), context.Get(offline), context.Get(push), context.Get(pr),
                context.Get(githubUrl), context.Get(githubRepo), context.Get(baseBranch), context.Get(dryRun), context.Get(bodyFile), context.Get(autoMerge),
                context.Get(threshold), context.Get(maxLines), context.Get(allowUnsandboxed), context.Get(quiet)),
            context, cancellationToken), json);
    }

    private static async Task<int> RunAsync(Options options, CommandContext context, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(options.Repository))
        {
            throw new UsageException($"--repo '{options.Repository}' is not a directory.", "repo-not-found");
        }

        if (options.EventFile is not null && (options.StoreFile is not null || options.GroupId is not null))
        {
            throw new UsageException("give either --event FILE, or --group ID (with --store FILE to read another store than the default).");
        }

        if (options.EventFile is null && options.GroupId is null)
        {
            throw new UsageException("give either --event FILE, or --group ID (with --store FILE to read another store than the default).");
        }

        if (options.PullRequest && (options.GitHubUrl is null || options.GitHubRepo is null))
        {
            throw new UsageException("--pr needs --github-url URL and --github-repo OWNER/NAME.");
        }

        if (options.PullRequest && options.Push is null && !options.DryRun)
        {
            throw new UsageException("--pr needs --push REMOTE (the pull request's branch must be on the remote).");
        }

        if (options.AutoMergeThreshold is < 0 or > 1)
        {
            throw new UsageException("--auto-merge-threshold must be a number between 0 and 1.");
        }

        if (options.MaxLines is <= 0)
        {
            throw new UsageException($"--max-lines must be at least 1, not {options.MaxLines}.");
        }

        Uri? githubUri = null;
        if (options.GitHubUrl is not null && !Uri.TryCreate(options.GitHubUrl, UriKind.Absolute, out githubUri))
        {
            throw new UsageException($"--github-url '{options.GitHubUrl}' is not an absolute URL.");
        }

        var root = Path.GetFullPath(options.Repository);
        var host = CliHost.Create(options.StoreFile, options.Offline);
        var (errorEvent, group, origin) = options.GroupId is not null
            ? await ReadFromStoreAsync(host, options.GroupId, context, cancellationToken)
            : (await EventFile.ReadAsync(options.EventFile!, cancellationToken), null, EventOrigin.LocalFile(Path.GetFullPath(options.EventFile!)));

        var pipeline = host.CreatePipeline();
        var request = new HealRequest(root, errorEvent, group, origin,
            ValidationPolicy.Default with { MaxChangedLines = options.MaxLines ?? ValidationPolicy.Default.MaxChangedLines, AllowUnsandboxed = options.AllowUnsandboxed },
            new DeliveryOptions(
                PushRemote: options.Push,
                PullRequest: options.PullRequest ? new PullRequestTarget(githubUri!, options.GitHubRepo!, options.BaseBranch) : null,
                AutoMerge: new AutoMergePolicy(options.AutoMerge, options.AutoMergeThreshold),
                DryRun: options.DryRun,
                BodyFile: options.BodyFile));
        var stderr = context.Error;
        var progress = options.Quiet ? null : new SynchronousProgress<HealProgress>(p => stderr.WriteLine($"heal fix: {p.Message}"));

        HealResult result;
        try
        {
            result = await pipeline.RunAsync(request, progress, cancellationToken);
        }
        catch (HealPreconditionException e)
        {
            throw new UsageException(e.Message, e.Code);
        }
        catch (DeliveryException e)
        {
            throw new CliException("delivery-failed", "delivery failed: " + e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException and not CliException)
        {
            throw new CliException("internal", $"{e.GetType().Name}: {e.Message}");
        }

        if (context.Json)
        {
            await context.Out.WriteLineAsync(CliJson.Serialize(FixReport.ToJson(result)));
        }
        else
        {
            await context.Out.WriteAsync(FixReport.ToText(result));
        }

        if (result.Status == HealStatus.Unverified)
        {
            await context.Error.WriteLineAsync("heal fix: refusing to build or test a model-written patch without a sandbox. Review the patch; "
                + "install bubblewrap to validate it in a sandbox, or run again with --allow-unsandboxed to build and test it on this machine as it is.");
            return ExitCodes.Unverified;
        }

        return result.Status == HealStatus.Validated ? ExitCodes.Ok : ExitCodes.Declined;
    }

    private static async Task<(ErrorEvent, ErrorGroup?, EventOrigin)> ReadFromStoreAsync(HealHost host, string groupId, CommandContext context, CancellationToken cancellationToken)
    {
        await CliHost.WriteNoticeAsync(host, context);
        await using var store = StoreErrors.OpenExisting(host);
        var path = store.Location;
        var group = await GroupReference.ResolveAsync(store, groupId, path, cancellationToken);
        var stored = await store.GetLatestStoredEventAsync(group.Id, cancellationToken) ?? throw new UsageException($"error group '{group.Id}' holds no event any more.", "group-empty");

        // Authenticated only when the receiver checked the sender's DSN key (heal feed --key); auto-merge needs it.
        return (stored.Event, group, new EventOrigin("store:" + path, stored.Authenticated));
    }
}
