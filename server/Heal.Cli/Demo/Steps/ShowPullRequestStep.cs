namespace Heal.Cli.Demo.Steps;

/// <summary>Shows what a reviewer would read: the head of the pull-request body the demo wrote, and the pushed branch.</summary>
public sealed class ShowPullRequestStep : IDemoStep
{
    public string Title => "pull request";

    public async Task<DemoStepResult> RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var delivery = context.Result?.Delivery ?? throw new DemoStepException("nothing was delivered.");
        var body = await File.ReadAllLinesAsync(delivery.BodyFile ?? context.PullRequestBodyPath, cancellationToken);
        var pushed = await ChildProcess.RunAsync("git", ["--git-dir", context.OriginPath, "rev-parse", "refs/heads/" + delivery.Branch],
            context.Workspace, new Dictionary<string, string?>(), TimeSpan.FromSeconds(30), cancellationToken);
        if (pushed.ExitCode != 0 || pushed.Stdout.Trim() != delivery.Commit)
        {
            throw new DemoStepException($"origin does not hold {delivery.Branch} at {delivery.Commit}.");
        }

        var title = Heal.Delivery.Body.PullRequestBody.Title(context.HealedEvent!, context.Result!.Diagnosis!);
        var preview = body.Take(14).Select(l => "  | " + l).ToList();
        preview.Insert(0, "title: " + title);
        preview.Add($"  | … ({body.Length} lines in {delivery.BodyFile})");
        return new DemoStepResult($"origin has {delivery.Branch} at {delivery.Commit[..12]}; the body it would open:", preview);
    }
}
