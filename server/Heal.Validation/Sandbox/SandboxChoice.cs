namespace Heal.Validation.Sandbox;

/// <summary>The sandbox validation uses for code no human wrote, or null with the reason none is available.</summary>
/// <param name="Why">For the user: what the sandbox is, or why there is none (e.g. "bwrap was not found on PATH (install Debian's bubblewrap)").</param>
public sealed record SandboxChoice(BubblewrapSandbox? Sandbox, string Why)
{
    public bool Available => Sandbox is not null;
}
