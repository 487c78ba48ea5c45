namespace Heal.Cli.Demo;

/// <summary>How a child process ended, with everything it wrote.</summary>
public sealed record ChildProcessResult(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed);
