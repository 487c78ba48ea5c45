namespace Heal.Repair.Regression;

/// <summary>
/// How one test framework spells a test: its namespace, attributes and the two assertions a regression test
/// needs. Detected from the existing tests, so the written test reads like its neighbours.
/// </summary>
/// <param name="Name">Stable name: <c>xunit</c>, <c>nunit</c> or <c>mstest</c>.</param>
/// <param name="Namespace">The framework's namespace, imported unless the project imports it globally.</param>
/// <param name="ClassAttribute">The attribute a test class needs (<c>TestClass</c> for MSTest), or null.</param>
/// <param name="MethodAttribute">The attribute of a test method.</param>
public sealed record TestDialect(string Name, string Namespace, string? ClassAttribute, string MethodAttribute)
{
    public static TestDialect Xunit { get; } = new("xunit", "Xunit", null, "Fact");

    public static TestDialect NUnit { get; } = new("nunit", "NUnit.Framework", null, "Test");

    public static TestDialect MSTest { get; } = new("mstest", "Microsoft.VisualStudio.TestTools.UnitTesting", "TestClass", "TestMethod");

    /// <summary>The dialect of a test file from its attributes, else of its project from its package references, else null.</summary>
    public static TestDialect? Detect(string testFileText, string? projectFileText)
    {
        if (Has(testFileText, "[Fact") || Has(testFileText, "[Theory"))
        {
            return Xunit;
        }

        if (Has(testFileText, "[TestMethod") || Has(testFileText, "[TestClass") || Has(testFileText, "[DataTestMethod"))
        {
            return MSTest;
        }

        if (Has(testFileText, "[Test]") || Has(testFileText, "[TestCase") || Has(testFileText, "[TestFixture") || Has(testFileText, "[Test("))
        {
            return NUnit;
        }

        var project = projectFileText ?? "";
        return Has(project, "\"xunit") ? Xunit
            : Has(project, "\"MSTest") ? MSTest
            : Has(project, "\"NUnit") ? NUnit
            : null;
    }

    /// <summary>An assertion that <paramref name="actual"/> equals <paramref name="expected"/> (both C# expressions).</summary>
    public string AssertEqual(string expected, string actual) => Name switch
    {
        "nunit" => $"Assert.That({actual}, Is.EqualTo({expected}));",
        "mstest" => $"Assert.AreEqual({expected}, {actual});",
        _ => $"Assert.Equal({expected}, {actual});",
    };

    /// <summary>An assertion that <paramref name="actual"/> (a C# expression) is null.</summary>
    public string AssertNull(string actual) => Name switch
    {
        "nunit" => $"Assert.That({actual}, Is.Null);",
        "mstest" => $"Assert.IsNull({actual});",
        _ => $"Assert.Null({actual});",
    };

    /// <summary>An assertion that <paramref name="actual"/> (a C# expression of a sequence) is empty.</summary>
    public string AssertEmpty(string actual) => Name switch
    {
        "nunit" => $"Assert.That({actual}, Is.Empty);",
        "mstest" => $"Assert.IsFalse(System.Linq.Enumerable.Any({actual}));",
        _ => $"Assert.Empty({actual});",
    };

    /// <summary>An assertion that calling <paramref name="call"/> throws <paramref name="exceptionType"/> (awaited when the call is async).</summary>
    public string AssertThrows(string exceptionType, string call, bool awaited) => (Name, awaited) switch
    {
        ("nunit", false) => $"Assert.Throws<{exceptionType}>(() => {call});",
        ("nunit", true) => $"Assert.ThrowsAsync<{exceptionType}>(async () => await {call});",
        ("mstest", false) => $"Assert.ThrowsException<{exceptionType}>(() => {call});",
        ("mstest", true) => $"await Assert.ThrowsExceptionAsync<{exceptionType}>(async () => await {call});",
        (_, false) => $"Assert.Throws<{exceptionType}>(() => {call});",
        (_, true) => $"await Assert.ThrowsAsync<{exceptionType}>(async () => await {call});",
    };

    private static bool Has(string text, string value) => text.Contains(value, StringComparison.OrdinalIgnoreCase);
}
