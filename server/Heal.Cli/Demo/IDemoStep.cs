namespace Heal.Cli.Demo;

/// <summary>
/// One step of <c>heal demo</c>. Steps run in the order of <see cref="DemoSteps.All"/>, share a <see cref="DemoContext"/>,
/// and fail by throwing <see cref="DemoStepException"/>; the report shows each step's title, time and result.
/// </summary>
public interface IDemoStep
{
    /// <summary>A few words for the report, e.g. <c>build sample</c>.</summary>
    string Title { get; }

    /// <summary>Does the work; returns one line saying what came of it, and optional lines to print below.</summary>
    Task<DemoStepResult> RunAsync(DemoContext context, CancellationToken cancellationToken);
}
