namespace Heal.LanguageServer.Protocol;

/// <summary>LSP <c>LogMessageParams</c>; <see cref="Type"/> 1 error … 4 log.</summary>
public sealed record LogMessageParams(int Type, string Message);
