namespace Heal.Pipeline;

/// <summary>A step of a long run, for <c>$/progress</c> and the CLI. <paramref name="Percentage"/> is a rough share of the work done.</summary>
public sealed record HealProgress(string Step, string Message, int Percentage);
