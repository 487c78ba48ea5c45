namespace Heal.Validation.Dotnet;

public sealed record FailedTest(string Name, string Message, string StackTrace);
