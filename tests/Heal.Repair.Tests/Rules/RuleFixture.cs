using System.Collections.Immutable;
using System.Text.RegularExpressions;
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
public static partial class RuleFixture
{
    public const string BuildRoot = "/home/runner/work/app/app/";

    public static IReadOnlyDictionary<string, string> ParseFiles(string fixture)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        string? path = null;
        var lines = new List<string>();
        foreach (var line in fixture.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("//- ", StringComparison.Ordinal))
            {
                Flush();
                path = line[4..].Trim();
                lines.Clear();
            }
            else if (path is not null)
            {
                lines.Add(line);
            }
        }

        Flush();
        return files;

        void Flush()
        {
            if (path is not null)
            {
                files[path] = string.Join("\n", lines).TrimEnd('\n', ' ') + "\n";
            }
        }
    }

    public static CrashSite Build(string fixture, string exceptionType, string message)
    {
        var raw = ParseFiles(fixture);
        var clean = new Dictionary<string, string>(StringComparer.Ordinal);
        (string Path, int Line)? throwing = null;
        var callers = new SortedDictionary<int, (string Path, int Line)>();
        foreach (var (path, text) in raw)
        {
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var match = MarkerPattern().Match(lines[i]);
                if (!match.Success)
                {
                    continue;
                }

                if (match.Groups["kind"].Value == "throws")
                {
                    throwing = (path, i + 1);
                }
                else
                {
                    callers[int.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture)] = (path, i + 1);
                }

                lines[i] = lines[i][..match.Index].TrimEnd();
            }

            clean[path] = string.Join("\n", lines);
        }

        if (throwing is null)
        {
            throw new ArgumentException("The fixture has no '// <- throws' marker.");
        }

        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Fixture", "Fixture", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: references));
        var documentIds = new Dictionary<string, DocumentId>(StringComparer.Ordinal);
        foreach (var (path, text) in clean)
        {
            var id = DocumentId.CreateNewId(projectId, path);
            documentIds[path] = id;
            solution = solution.AddDocument(id, Path.GetFileName(path), SourceText.From(text), filePath: BuildRoot + path);
        }

        var allFrames = callers.Values.Reverse().Append(throwing.Value).ToList();
        var frames = allFrames
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
        var callerSources = callers.Values.Select((c, i) => Link(c, frames.Length - 2 - i)).ToImmutableArray();
        return new CrashSite(errorEvent, exception, throwingSource, callerSources);
    }

    [GeneratedRegex(@"\s*// <- (?<kind>throws|caller (?<n>\d+))\s*$")]
    private static partial Regex MarkerPattern();
}
