namespace Heal.VisualStudio.Core.Server;

/// <summary>How a server process ended: asked to (<see cref="Expected"/>), or died; and whether it is being restarted.</summary>
public sealed record ServerExit(int ProcessId, int ExitCode, bool Expected, bool WillRestart, string Message);
