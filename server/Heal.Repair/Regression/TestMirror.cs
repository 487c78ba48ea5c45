using System.Collections.Immutable;
using Heal.Repair.Workspace;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Regression;

/// <summary>
/// The existing test file a regression test imitates: the test project that can see the crashing code, the file
/// in it that covers the crashing type best, and what that file's style says (framework, namespace, usings,
/// indentation, line endings, class modifiers). The new test goes next to it.
/// </summary>
/// <param name="TestFile">Repository-relative path of the imitated test file.</param>
/// <param name="Dialect">The test framework the file uses.</param>
/// <param name="Namespace">The file's namespace, or null for the global namespace.</param>
/// <param name="FileScopedNamespace">Whether the file uses <c>namespace X;</c>.</param>
/// <param name="Usings">The file's using directives, as written.</param>
/// <param name="ImportsFrameworkGlobally">Whether the project imports the framework's namespace with a global using.</param>
/// <param name="Indent">One level of indentation.</param>
/// <param name="NewLine">The file's line ending.</param>
/// <param name="ClassModifiers">The test class's modifiers, e.g. <c>public sealed</c>.</param>
/// <param name="ClassAttributes">Attributes of the test class, as written (e.g. <c>[TestFixture]</c>).</param>
/// <param name="NullableEnabled">Whether the test project enables nullable reference types (a null argument is then written <c>null!</c>).</param>
public sealed record TestMirror(
    string TestFile,
    TestDialect Dialect,
    string? Namespace,
    bool FileScopedNamespace,
    ImmutableArray<string> Usings,
    bool ImportsFrameworkGlobally,
    string Indent,
    string NewLine,
    string ClassModifiers,
    ImmutableArray<string> ClassAttributes,
    bool NullableEnabled = false)
{
    /// <summary>The folder new test files go in (the imitated file's folder).</summary>
    public string Directory => TestFile.Contains('/') ? TestFile[..TestFile.LastIndexOf('/')] : "";

    /// <summary>
    /// Finds the test file to imitate for code in <paramref name="codeProject"/> about <paramref name="typeName"/>,
    /// or null when no test project references that code or none holds a test.
    /// </summary>
    public static TestMirror? Find(RepositoryWorkspace workspace, ProjectId codeProject, string typeName)
    {
        var solution = workspace.Solution;
        var dependents = solution.GetProjectDependencyGraph().GetProjectsThatTransitivelyDependOnThisProject(codeProject);
        var candidates = new List<(int Score, string Path, string Text, string? ProjectText)>();
        foreach (var project in dependents.Select(solution.GetProject).OfType<Project>())
        {
            var projectText = project.FilePath is { } projectPath && workspace.Index.RelativePathOf(projectPath) is { } relativeProject
                ? workspace.Index.ReadText(relativeProject)
                : null;
            if (projectText is null || !IsTestProject(projectText))
            {
                continue;
            }

            foreach (var document in project.Documents)
            {
                if (document.FilePath is null || workspace.Index.RelativePathOf(document.FilePath) is not { } path || workspace.Index.ReadText(path) is not { } text)
                {
                    continue;
                }

                if (TestDialect.Detect(text, null) is null)
                {
                    continue;
                }

                var name = Path.GetFileNameWithoutExtension(path);
                var score = name.Equals(typeName + "Tests", StringComparison.Ordinal) || name.Equals(typeName + "Test", StringComparison.Ordinal) ? 3
                    : text.Contains(typeName, StringComparison.Ordinal) ? 2
                    : 1;
                candidates.Add((score, path, text, projectText));
            }
        }

        var best = candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Path, StringComparer.Ordinal).FirstOrDefault();
        return best.Path is null ? null : Read(best.Path, best.Text, best.ProjectText);
    }

    /// <summary>Reads the style of one test file; null when it holds no test class of a known framework.</summary>
    public static TestMirror? Read(string path, string text, string? projectText)
    {
        var dialect = TestDialect.Detect(text, projectText);
        if (dialect is null)
        {
            return null;
        }

        var root = CSharpSyntaxTree.ParseText(text).GetCompilationUnitRoot();
        var @namespace = root.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault();
        var testClass = root.DescendantNodes().OfType<ClassDeclarationSyntax>()
            .FirstOrDefault(c => c.Members.OfType<MethodDeclarationSyntax>().Any(m => m.AttributeLists.Count > 0))
            ?? root.DescendantNodes().OfType<ClassDeclarationSyntax>().FirstOrDefault();
        var usings = root.Usings.Concat(@namespace?.Usings ?? [])
            .Where(u => u.GlobalKeyword.IsKind(SyntaxKind.None))
            .Select(u => u.ToString().Trim())
            .Distinct(StringComparer.Ordinal)
            .ToImmutableArray();
        var modifiers = testClass is null ? "public" : string.Join(' ', testClass.Modifiers.Select(m => m.Text).Where(m => m != "static" && m != "partial"));
        var attributes = testClass?.AttributeLists.Select(a => a.ToString().Trim()).ToImmutableArray() ?? [];
        var globally = projectText is not null && projectText.Contains($"<Using Include=\"{dialect.Namespace}\"", StringComparison.Ordinal);
        return new TestMirror(
            path, dialect, @namespace?.Name.ToString(), @namespace is FileScopedNamespaceDeclarationSyntax, usings, globally,
            DetectIndent(text), text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n",
            modifiers.Length == 0 ? "public" : modifiers, attributes,
            text.Contains("#nullable enable", StringComparison.Ordinal) || projectText?.Contains("<Nullable>enable</Nullable>", StringComparison.OrdinalIgnoreCase) == true);
    }

    private static bool IsTestProject(string projectText) =>
        projectText.Contains("Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase)
        || projectText.Contains("<IsTestProject>true</IsTestProject>", StringComparison.OrdinalIgnoreCase)
        || projectText.Contains("MSTest.Sdk", StringComparison.OrdinalIgnoreCase);

    private static string DetectIndent(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith('\t'))
            {
                return "\t";
            }

            var spaces = line.Length - line.TrimStart(' ').Length;
            if (spaces is > 0 and <= 8 && line.Trim().Length > 0)
            {
                return new string(' ', spaces);
            }
        }

        return "    ";
    }
}
