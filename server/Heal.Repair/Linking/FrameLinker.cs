using System.Collections.Concurrent;
using System.Collections.Immutable;
using Heal.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Linking;

/// <summary>
/// Links stack frames to files of one repository, whatever machine built or ran the code. A frame's path is
/// matched by its longest path suffix against <see cref="WorkspaceFileIndex"/>; ties between files are broken
/// by the namespace, type and method the frame names (C# files are parsed with Roslyn), then by its context
/// line. The line is re-anchored when the file changed after the release. Nothing outside the repository is
/// ever linked: only indexed files can be returned.
/// </summary>
public sealed class FrameLinker
{
    private readonly ConcurrentDictionary<string, FileSource?> _sources = new(StringComparer.Ordinal);

    public FrameLinker(WorkspaceFileIndex index)
    {
        Index = index;
    }

    public WorkspaceFileIndex Index { get; }

    public static FrameLinker ForRepository(string root) => new(WorkspaceFileIndex.Build(root));

    /// <summary>
    /// Links every frame of <paramref name="exception"/> that resolves to a workspace file, in Sentry order
    /// (outermost first). Frames an SDK marked as library code (<c>in_app: false</c>) are skipped when
    /// <paramref name="inAppOnly"/> is set, unless the SDK marked no frame in-app at all: then every frame is linked by its
    /// path, as Sentry falls back to the full stack (frames in dependencies and build output never link).
    /// </summary>
    public ImmutableArray<LinkedFrame> LinkAll(ExceptionInfo exception, bool inAppOnly = true)
    {
        if (exception.Frames.IsDefaultOrEmpty)
        {
            return ImmutableArray<LinkedFrame>.Empty;
        }

        var linked = ImmutableArray.CreateBuilder<LinkedFrame>();
        inAppOnly &= exception.MarksAnyFrameInApp;
        for (var i = 0; i < exception.Frames.Length; i++)
        {
            var frame = exception.Frames[i];
            if (inAppOnly && frame.InApp == false)
            {
                continue;
            }

            if (Link(frame, i) is { } link)
            {
                linked.Add(link);
            }
        }

        return linked.ToImmutable();
    }

    /// <summary>The workspace file and current line of <paramref name="frame"/>, or null when none can be told.</summary>
    public LinkedFrame? Link(StackFrame frame, int index)
    {
        var path = ResolvePath(frame);
        if (path is null)
        {
            return null;
        }

        var source = Source(path);
        if (source is null)
        {
            return null;
        }

        var symbol = FrameSymbol.Parse(frame.Module, frame.Function);
        var (line, reanchored) = LineAnchor.Find(source, frame, symbol);
        return new LinkedFrame(frame, path, line, reanchored, index);
    }

    /// <summary>The repository-relative file a frame names, or null when no file or several equally good files match.</summary>
    public string? ResolvePath(StackFrame frame)
    {
        var bestScore = 0;
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reported in new[] { frame.AbsolutePath, frame.File }.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct())
        {
            var segments = FramePath.Segments(reported);

            // Dependencies and build output are never the application's code, wherever they were built.
            if (segments.Any(WorkspaceFileIndex.IsSkippedDirectory))
            {
                continue;
            }

            // A clean relative path that names an indexed file exactly beats any suffix match.
            if (!FramePath.IsAbsolute(reported!) && !reported!.Replace('\\', '/').Split('/').Contains("..")
                && segments.Length > 0 && Index.Contains(string.Join('/', segments)))
            {
                return string.Join('/', segments);
            }

            var (score, files) = Index.FindBySuffix(segments);
            if (score > bestScore)
            {
                bestScore = score;
                candidates.Clear();
            }

            if (score == bestScore && score > 0)
            {
                candidates.UnionWith(files);
            }
        }

        return candidates.Count switch
        {
            0 => null,
            1 => candidates.First(),
            _ => Disambiguate(candidates.Order(StringComparer.Ordinal).ToList(), frame),
        };
    }

    private string? Disambiguate(List<string> candidates, StackFrame frame)
    {
        var symbol = FrameSymbol.Parse(frame.Module, frame.Function);
        var scored = candidates.Select(c => (Path: c, Score: SymbolScore(c, symbol))).ToList();
        var best = scored.Max(s => s.Score);
        var top = scored.Where(s => s.Score == best).Select(s => s.Path).ToList();
        if (top.Count > 1 && !string.IsNullOrEmpty(frame.ContextLine))
        {
            var withLine = top.Where(p => Source(p)?.Lines.Any(l => l.Trim() == frame.ContextLine.Trim()) == true).ToList();
            if (withLine.Count > 0)
            {
                top = withLine;
            }
        }

        // Several files remain equally plausible: linking one at random could patch the wrong code.
        return top.Count == 1 ? top[0] : null;
    }

    private int SymbolScore(string path, FrameSymbol symbol)
    {
        var root = Source(path)?.Syntax;
        if (root is null)
        {
            return 0;
        }

        var best = 0;
        foreach (var type in root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
        {
            var score = 0;
            if (symbol.TypeName is not null && type.Identifier.ValueText == symbol.TypeName)
            {
                score += 4;
                if (symbol.Namespace is not null && NamespaceOf(type) is { } ns
                    && (ns == symbol.Namespace || ns.EndsWith("." + symbol.Namespace, StringComparison.Ordinal)))
                {
                    score += 2;
                }
            }
            else if (symbol.TypeName is not null)
            {
                continue;
            }

            if (symbol.Method is not null && type is TypeDeclarationSyntax declaration
                && declaration.Members.Any(m => MethodMatcher.Names(m, symbol.Method)))
            {
                score += 1;
            }

            best = Math.Max(best, score);
        }

        return best;
    }

    private static string? NamespaceOf(SyntaxNode node) =>
        node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(n => n.Name.ToString()) is var names && names.Any()
            ? string.Join('.', names)
            : null;

    private FileSource? Source(string relativePath) =>
        _sources.GetOrAdd(relativePath, p =>
        {
            var text = Index.ReadText(p);
            if (text is null)
            {
                return null;
            }

            var syntax = p.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)
                ? CSharpSyntaxTree.ParseText(text, path: p).GetRoot()
                : null;
            return new FileSource(text.Replace("\r\n", "\n").Split('\n'), syntax);
        });
}
