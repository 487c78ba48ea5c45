namespace Heal.Cli.Demo.Steps;

/// <summary>
/// Runs the sample with <c>SENTRY_DSN</c> pointing at the feed. It prices three orders; one customer has no discount and
/// pricing that order throws, which the real Sentry .NET SDK reports and flushes before the process exits.
/// </summary>
public sealed class RunSampleStep : IDemoStep
{
    public string Title => "run sample";

    public async Task<DemoStepResult> RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        var assembly = context.SampleAssembly ?? throw new DemoStepException("the sample is not built (the build step did not run).");
        var dsn = context.Dsn ?? throw new DemoStepException("the feed is not running (the start-feed step did not run).");
        var environment = new Dictionary<string, string?> { ["SENTRY_DSN"] = dsn, ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" };
        var result = await ChildProcess.RunAsync(DotnetHost.Path, ["exec", assembly], context.SampleRoot, environment,
            TimeSpan.FromMinutes(1), cancellationToken);
        var failures = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (result.ExitCode == 0 || failures.Length == 0)
        {
            throw new DemoStepException($"the sample exited with code {result.ExitCode} and reported no failure; there is nothing to heal.");
        }

        var priced = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new DemoStepResult($"exit code {result.ExitCode}: {priced.Length} orders priced, {failures.Length} failed and reported to the feed",
            [.. priced, .. failures]);
    }
}
