namespace Heal.Cli.Demo;

/// <summary>What a step reports: a one-line summary and, optionally, a block printed under it.</summary>
public sealed record DemoStepResult(string Summary, IReadOnlyList<string> Details)
{
    public static DemoStepResult Line(string summary) => new(summary, []);
}
