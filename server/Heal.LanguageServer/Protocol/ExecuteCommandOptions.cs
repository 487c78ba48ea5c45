namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>ExecuteCommandOptions</c>.</summary>
public sealed record ExecuteCommandOptions(IReadOnlyList<string> Commands, bool WorkDoneProgress);
