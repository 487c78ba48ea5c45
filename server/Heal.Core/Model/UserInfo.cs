namespace Heal.Core.Model;

/// <summary>The user affected, as the SDK reported them.</summary>
public sealed record UserInfo(string? Id, string? Username, string? Email, string? IpAddress);
