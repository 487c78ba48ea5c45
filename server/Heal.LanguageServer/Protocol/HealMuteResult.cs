namespace Heal.LanguageServer.Protocol;

/// <summary>Result of <c>heal/mute</c>: whether the group existed and is now muted.</summary>
public sealed record HealMuteResult(bool Muted);
