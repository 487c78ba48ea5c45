using System.Globalization;
using System.Text.Json;
using Heal.Core.Model;
using Heal.Delivery;
using Heal.Delivery.Git;
using Heal.Delivery.GitHub;
using Heal.Feed.Store;
using Heal.Pipeline;
using Heal.Repair.Engine;
using Heal.Repair.Workspace;
using Heal.Validation;

namespace Heal.Cli.Commands;

/// <summary>
/// <c>heal fix</c>: the whole loop for one error — diagnose, validate in a worktree, commit on a <c>heal/…</c>
/// branch, and optionally push and open a pull request. Exit codes: 0 validated, 3 declined or rejected,
/// 4 unverified (a model's patch that was not built or tested: no sandbox, and no <c>--allow-unsandboxed</c>),
/// 2 usage, 1 internal error.
/// </summary>
public static class FixCommand
{
    public const string Summary = "diagnose, validate and deliver one error: --repo DIR (--event FILE | --store FILE --group ID) [--offline] [--json] [--push REMOTE] [--pr --github-url URL --github-repo OWNER/NAME] [--base BRANCH] [--dry-run] [--body-file FILE] [--auto-merge] [--auto-merge-threshold N] [--allow-unsandboxed] [--quiet]";

    public const int ExitDeclinedOrRejected = 3;

    /// <summary>A model wrote the patch and Heal refused to build or test it outside a sandbox; the patch is printed for review.</summary>
    public const int ExitUnverified = 4;

    public static async Task<int> RunAsync(Arguments arguments, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var repository = arguments.Required("repo");
        var eventFile = arguments.Optional("event");
        var storeFile = arguments.Optional("store");
        var groupId = arguments.Optional("group");
        var offline = arguments.Flag("offline");
        var json = arguments.Flag("json");
        var push = arguments.Optional("push");
        var pr = arguments.Flag("pr");
        var githubUrl = arguments.Optional("github-url");
        var githubRepo = arguments.Optional("github-repo");
        var baseBranch = arguments.Optional("base");
        var dryRun = arguments.Flag("dry-run");
        var bodyFile = arguments.Optional("body-file");
        var autoMerge = arguments.Flag("auto-merge");
        var threshold = arguments.Optional("auto-merge-threshold");
        var maxLines = arguments.OptionalInt("max-lines");
        var allowUnsandboxed = arguments.Flag("allow-unsandboxed");
        var progressToStderr = !arguments.Flag("quiet");
        arguments.RejectUnknown();

        if (!Directory.Exists(repository))
        {
            throw new UsageException($"--repo '{repository}' is not a directory.");
        }

        if ((eventFile is null) == (storeFile is null) || (storeFile is not null && groupId is null))
        {
            throw new UsageException("give either --event FILE, or --store FILE with --group ID.");
        }

        if (pr && (githubUrl is null || githubRepo is null))
        {
            throw new UsageException("--pr needs --github-url URL and --github-repo OWNER/NAME.");
        }

        if (pr && push is null && !dryRun)
        {
            throw new UsageException("--pr needs --push REMOTE (the pull request's branch must be on the remote).");
        }

        var autoMergeThreshold = 0.9;
        if (threshold is not null && (!double.TryParse(threshold, NumberStyles.Float, CultureInfo.InvariantCulture, out autoMergeThreshold) || autoMergeThreshold is < 0 or > 1))
        {
            throw new UsageException("--auto-merge-threshold must be a number between 0 and 1.");
        }

        Uri? githubUri = null;
        if (githubUrl is not null && !Uri.TryCreate(githubUrl, UriKind.Absolute, out githubUri))
        {
            throw new UsageException($"--github-url '{githubUrl}' is not an absolute URL.");
        }

        var root = Path.GetFullPath(repository);
        var (errorEvent, group, origin) = storeFile is not null
            ? await ReadFromStoreAsync(storeFile, groupId!, cancellationToken)
            : (await EventFile.ReadAsync(eventFile!, cancellationToken), null, EventOrigin.LocalFile(Path.GetFullPath(eventFile!)));

        var credentials = GitCredentials.FromEnvironment(Environment.GetEnvironmentVariable);
        var choice = DiagnoserFactory.Create(offline, Environment.GetEnvironmentVariable, new WorkspaceProvider());
        var pipeline = new HealPipeline(choice.Diagnoser, new PatchValidator(), new DeliveryService(t => new GitHubCodeHost(t.Url, credentials), credentials));
        var request = new HealRequest(root, errorEvent, group, origin,
            ValidationPolicy.Default with { MaxChangedLines = maxLines ?? ValidationPolicy.Default.MaxChangedLines, AllowUnsandboxed = allowUnsandboxed },
            new DeliveryOptions(
                PushRemote: push,
                PullRequest: pr ? new PullRequestTarget(githubUri!, githubRepo!, baseBranch) : null,
                AutoMerge: new AutoMergePolicy(autoMerge, autoMergeThreshold),
                DryRun: dryRun,
                BodyFile: bodyFile));
        var progress = progressToStderr ? new SynchronousProgress<HealProgress>(p => stderr.WriteLine($"heal fix: {p.Message}")) : null;

        HealResult result;
        try
        {
            result = await pipeline.RunAsync(request, progress, cancellationToken);
        }
        catch (DeliveryException e)
        {
            return await ErrorAsync(json, "delivery failed: " + e.Message, stdout, stderr);
        }
        catch (Exception e) when (e is not OperationCanceledException and not UsageException)
        {
            return await ErrorAsync(json, $"{e.GetType().Name}: {e.Message}", stdout, stderr);
        }

        if (json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(FixReport.ToJson(result), FixReport.JsonOptions));
        }
        else
        {
            await stdout.WriteAsync(FixReport.ToText(result));
        }

        if (result.Status == HealStatus.Unverified)
        {
            await stderr.WriteLineAsync("heal fix: refusing to build or test a model-written patch without a sandbox. Review the patch above; "
                + "install bubblewrap to validate it in a sandbox, or run again with --allow-unsandboxed to build and test it on this machine as it is.");
            return ExitUnverified;
        }

        return result.Status == HealStatus.Validated ? CommandLine.ExitOk : ExitDeclinedOrRejected;
    }

    private static async Task<(ErrorEvent, ErrorGroup?, EventOrigin)> ReadFromStoreAsync(string path, string groupId, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"--store '{path}' does not exist.");
        }

        await using var store = SqliteErrorStore.OpenExisting(path);
        var group = await store.GetGroupAsync(groupId, cancellationToken) ?? throw new UsageException($"no error group '{groupId}' in {path}; 'heal errors --store {path}' lists them.");
        var stored = await store.GetLatestStoredEventAsync(groupId, cancellationToken) ?? throw new UsageException($"error group '{groupId}' holds no event any more.");

        // Authenticated only when the receiver checked the sender's DSN key (heal feed --key); auto-merge needs it.
        return (stored.Event, group, new EventOrigin("store:" + Path.GetFullPath(path), stored.Authenticated));
    }

    private static async Task<int> ErrorAsync(bool json, string message, TextWriter stdout, TextWriter stderr)
    {
        if (json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(new Dictionary<string, object?> { ["status"] = "error", ["error"] = message }));
        }

        await stderr.WriteLineAsync($"heal fix: {message}");
        return CommandLine.ExitInternal;
    }
}
