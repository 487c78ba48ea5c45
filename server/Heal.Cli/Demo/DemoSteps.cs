using Heal.Cli.Demo.Steps;

namespace Heal.Cli.Demo;

/// <summary>The demo's steps, in order: the one list to extend when the loop grows (diagnose, validate, deliver).</summary>
public static class DemoSteps
{
    public static IReadOnlyList<IDemoStep> All { get; } =
    [
        new CopySampleStep(),
        new StartFeedStep(),
        new BuildSampleStep(),
        new RunSampleStep(),
        new AwaitEventStep(),
        new ListErrorsStep(),
    ];
}
