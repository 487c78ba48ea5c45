namespace Heal.Cli.Demo.Steps;

/// <summary>
/// Makes the sample copy a git repository with one commit, and a bare repository beside it as its <c>origin</c>,
/// so the demo can validate in a worktree and push a branch without any network.
/// </summary>
public sealed class InitRepositoryStep : IDemoStep
{
    public string Title => "git init";

    public async Task<DemoStepResult> RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        await GitAsync(context.SampleRoot, cancellationToken, "init", "-q", "-b", "main");
        await GitAsync(context.SampleRoot, cancellationToken, "add", "-A");
        await GitAsync(context.SampleRoot, cancellationToken, "-c", "user.name=Heal demo", "-c", "user.email=demo@localhost", "commit", "-q", "-m", "OrderService 1.4.2");
        await GitAsync(context.Workspace, cancellationToken, "init", "-q", "--bare", context.OriginPath);
        await GitAsync(context.SampleRoot, cancellationToken, "remote", "add", "origin", context.OriginPath);
        await GitAsync(context.SampleRoot, cancellationToken, "push", "-q", "origin", "main");
        return DemoStepResult.Line($"sample committed on main; bare origin at {context.OriginPath}");
    }

    private static async Task GitAsync(string directory, CancellationToken cancellationToken, params string[] arguments)
    {
        var result = await ChildProcess.RunAsync("git", arguments, directory, new Dictionary<string, string?>(), TimeSpan.FromMinutes(1), cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new DemoStepException($"git {arguments[0]} failed: {(result.Stderr + result.Stdout).Trim()}");
        }
    }
}
