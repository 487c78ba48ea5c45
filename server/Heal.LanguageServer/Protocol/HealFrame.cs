namespace Heal.LanguageServer.Protocol;

/// <summary>A stack frame of an error, with its workspace location when it links to a file.</summary>
public sealed record HealFrame(string? Function, string? File, int? Line, Location? Location);
