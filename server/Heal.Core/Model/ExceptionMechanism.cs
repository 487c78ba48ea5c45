namespace Heal.Core.Model;

/// <summary>How the exception was captured (Sentry's <c>mechanism</c>): e.g. <c>AppDomain.UnhandledException</c>, handled or not.</summary>
public sealed record ExceptionMechanism(string? Type, bool? Handled, string? Description);
