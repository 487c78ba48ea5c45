using Heal.Repair.Rules;
using Microsoft.CodeAnalysis;

namespace Heal.Repair.Analysis;

/// <summary>
/// Where an intent signal was read, as a repository-relative path and line, and the semantic model of any tree of
/// the crash's solution (documentation in another project, a test file).
/// </summary>
public sealed class IntentLocator
{
    private readonly LinkedSource _anchor;
    private readonly string _root;
    private readonly Dictionary<SyntaxTree, SemanticModel> _models = [];

    public IntentLocator(LinkedSource anchor)
    {
        _anchor = anchor;
        var full = (anchor.Document.FilePath ?? anchor.RelativePath).Replace('\\', '/');
        _root = full.EndsWith(anchor.RelativePath, StringComparison.Ordinal) ? full[..^anchor.RelativePath.Length] : "";
        _models[anchor.Root.SyntaxTree] = anchor.SemanticModel;
    }

    public Solution Solution => _anchor.Document.Project.Solution;

    public (string Path, int Line) Locate(SyntaxNode node) => Locate(node.SyntaxTree, node.SpanStart);

    public (string Path, int Line) Locate(SyntaxTree tree, int position)
    {
        var full = (tree.FilePath ?? "").Replace('\\', '/');
        var path = _root.Length > 0 && full.StartsWith(_root, StringComparison.Ordinal) ? full[_root.Length..] : full;
        var line = tree.GetText().Lines.GetLineFromPosition(Math.Clamp(position, 0, tree.Length)).LineNumber + 1;
        return (path, line);
    }

    /// <summary>The trimmed text of the line holding <paramref name="node"/>'s start, shortened.</summary>
    public static string LineText(SyntaxNode node)
    {
        var text = node.SyntaxTree.GetText();
        var line = text.Lines.GetLineFromPosition(node.SpanStart).ToString().Trim();
        return line.Length <= 200 ? line : line[..197] + "...";
    }

    public SemanticModel ModelFor(SyntaxTree tree)
    {
        if (_models.TryGetValue(tree, out var known))
        {
            return known;
        }

        var compilation = _anchor.SemanticModel.Compilation;
        var model = compilation.ContainsSyntaxTree(tree)
            ? compilation.GetSemanticModel(tree)
            : Solution.GetDocument(tree)?.GetSemanticModelAsync().GetAwaiter().GetResult() ?? compilation.AddSyntaxTrees(tree).GetSemanticModel(tree);
        _models[tree] = model;
        return model;
    }

    public IntentSignal Signal(IntentKind kind, IntentStance stance, ExpectedOutcome? outcome, double weight, SyntaxNode node, string? statement = null)
    {
        var (path, line) = Locate(node);
        return new IntentSignal(kind, stance, outcome, weight, path, line, LineText(node), node, statement);
    }
}
