using System.Collections.Immutable;
using Heal.Core.Model;
using Heal.Repair.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Tests.Rules;

/// <summary>
/// Builds a <see cref="CrashSite"/> from a multi-file fixture, the way rust-analyzer's fixtures do:
/// <c>//- path</c> starts a file; a line ending in <c>// &lt;- throws</c> is the throwing frame's line; lines
/// ending in <c>// &lt;- caller 1</c>, <c>// &lt;- caller 2</c>… are the callers, nearest first. Markers are
/// removed from the text the rule sees. Files compile together in one project against the runtime's assemblies.
/// </summary>
public static class RuleFixture
{
    public const string BuildRoot = "/home/runner/work/app/app/";

    /// <summary>The files of a fixture, by path (the shared <see cref="Heal.Testing.Fixture"/> format).</summary>
    public static IReadOnlyDictionary<string, string> ParseFiles(string fixture) =>
        Heal.Testing.Fixture.Files(fixture).ToDictionary(f => f.Path, f => f.Text, StringComparer.Ordinal);

    private static bool IsTestFile(string path) => path.StartsWith("tests/", StringComparison.Ordinal);

    public static CrashSite Build(string fixture, string exceptionType, string message)
    {
        var marked = MarkedFixture.Parse(fixture);
        var clean = marked.Files;
        var throwing = marked.Throwing;
        var callers = marked.CallersNearestFirst;
        if (throwing is null)
        {
            throw new ArgumentException("The fixture has no '// <- throws' marker.");
        }

        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => MetadataReference.CreateFromFile(p))
            .ToList();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Fixture", "Fixture", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: references));
        // Files under tests/ form a second project that references the first, as a test project does (not compiled against a
        // test framework: the intent analysis reads test syntax only).
        var testsId = ProjectId.CreateNewId();
        if (clean.Keys.Any(IsTestFile))
        {
            solution = solution.AddProject(ProjectInfo.Create(testsId, VersionStamp.Default, "Fixture.Tests", "Fixture.Tests", LanguageNames.CSharp,
                    compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                    parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                    metadataReferences: references))
                .AddProjectReference(testsId, new ProjectReference(projectId));
        }

        var documentIds = new Dictionary<string, DocumentId>(StringComparer.Ordinal);
        foreach (var (path, text) in clean)
        {
            var id = DocumentId.CreateNewId(IsTestFile(path) ? testsId : projectId, path);
            documentIds[path] = id;
            solution = solution.AddDocument(id, Path.GetFileName(path), SourceText.From(text), filePath: BuildRoot + path);
        }

        var frames = callers.Reverse().Append(throwing.Value)
            .Select(f => StackFrame.Create(file: f.Path, absolutePath: BuildRoot + f.Path, line: f.Line, inApp: true))
            .ToImmutableArray();
        var exception = new ExceptionInfo(exceptionType, message, null, null, frames);
        var errorEvent = new ErrorEvent(
            new string('0', 32), DateTimeOffset.UnixEpoch, "csharp", "1.0.0", "production", null, null, "error",
            [exception], null, null, ImmutableDictionary<string, string>.Empty, ImmutableDictionary<string, string>.Empty,
            ImmutableArray<string>.Empty, null);

        LinkedSource Link((string Path, int Line) frame, int index)
        {
            var document = solution.GetDocument(documentIds[frame.Path])!;
            var root = document.GetSyntaxRootAsync().GetAwaiter().GetResult()!;
            var model = document.GetSemanticModelAsync().GetAwaiter().GetResult()!;
            var span = SourceLocator.LineSpan(root.SyntaxTree.GetText(), frame.Line)!.Value;
            var linked = new LinkedFrame(frames[index], frame.Path, frame.Line, false, index);
            return new LinkedSource(linked, document, root, model, span, SourceLocator.FindEnclosingMember(root, span));
        }

        var throwingSource = Link(throwing.Value, frames.Length - 1);
        var callerSources = callers.Select((c, i) => Link(c, frames.Length - 2 - i)).ToImmutableArray();
        return new CrashSite(errorEvent, exception, throwingSource, callerSources);
    }
}
