namespace Heal.Cli.Demo;

/// <summary>A demo step that could not do its work; the message says what went wrong in one or two sentences.</summary>
public sealed class DemoStepException(string message) : Exception(message);
