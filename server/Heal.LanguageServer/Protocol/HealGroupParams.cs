namespace Heal.LanguageServer.Protocol;

/// <summary>Params of <c>heal/mute</c> and <c>heal/errorDetails</c>: the group id, nothing held by the server.</summary>
public sealed record HealGroupParams(string GroupId);
