namespace Heal.Validation.Dotnet;

/// <summary>One test's result in a TRX file.</summary>
/// <param name="ClassName">The fully qualified name of the test's class.</param>
/// <param name="Name">The test's name as the runner reports it.</param>
/// <param name="Outcome">TRX's outcome: <c>Passed</c>, <c>Failed</c>, <c>NotExecuted</c>…</param>
/// <param name="Message">The first line of the failure message; empty when it passed.</param>
public sealed record TestOutcome(string ClassName, string Name, string Outcome, string Message, string StackTrace)
{
    public bool Passed => Outcome == "Passed";

    public bool Failed => Outcome == "Failed";

    /// <summary>Whether the test belongs to the class named <paramref name="className"/> (short or fully qualified).</summary>
    public bool IsIn(string className) =>
        ClassName == className || ClassName.EndsWith("." + className, StringComparison.Ordinal);
}
