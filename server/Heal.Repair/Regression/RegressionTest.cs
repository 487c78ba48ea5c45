namespace Heal.Repair.Regression;

/// <summary>A regression test written for a crash, or why none was.</summary>
/// <param name="Diff">A unified diff adding one new test file to an existing test project; null when declined.</param>
/// <param name="Path">The repository-relative path of the new file; null when declined.</param>
/// <param name="DeclineReason">Why no test was written; null when one was.</param>
/// <param name="Asserts">The outcome the test asserts for the failing input (<c>returns null</c>, <c>throws OrderNotFoundException</c>);
/// null when it only checks that the call no longer throws.</param>
public sealed record RegressionTest(string? Diff, string? Path, string? DeclineReason, string? Asserts = null)
{
    public static RegressionTest Declined(string reason) => new(null, null, reason);
}
