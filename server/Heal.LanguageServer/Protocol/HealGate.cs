namespace Heal.LanguageServer.Protocol;

/// <summary>One validation gate in a <c>heal/heal</c> result; <see cref="Status"/> is passed, failed or skipped.</summary>
public sealed record HealGate(string Name, string Status, string Detail);
