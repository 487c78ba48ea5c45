using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Heal.Repair.Analysis;

/// <summary>
/// The semantic model for a node's own tree. A model asked about a node of another tree throws ("Syntax node is not within
/// syntax tree"): a declaration found through a symbol lives in another file or in a referenced project, whose compilation
/// is a <see cref="CompilationReference"/> of this one. Null when no compilation reachable from the model holds the tree
/// (a parsed fragment, a rewritten tree): the caller then knows nothing about the node.
/// </summary>
public static class SemanticModels
{
    private const int MaxDepth = 8;

    private static readonly ConditionalWeakTable<Compilation, Dictionary<SyntaxTree, SemanticModel>> s_models = new();

    public static SemanticModel? For(SyntaxNode node, SemanticModel model) => For(node.SyntaxTree, model);

    public static SemanticModel? For(SyntaxTree tree, SemanticModel model)
    {
        if (model.SyntaxTree == tree)
        {
            return model;
        }

        if (Holding(model.Compilation, tree, 0, new HashSet<Compilation>()) is not { } compilation)
        {
            return null;
        }

        var cache = s_models.GetOrCreateValue(compilation);
        lock (cache)
        {
            if (!cache.TryGetValue(tree, out var found))
            {
                found = compilation.GetSemanticModel(tree);
                cache[tree] = found;
            }

            return found;
        }
    }

    private static Compilation? Holding(Compilation compilation, SyntaxTree tree, int depth, HashSet<Compilation> seen)
    {
        if (!seen.Add(compilation) || depth > MaxDepth)
        {
            return null;
        }

        if (compilation.ContainsSyntaxTree(tree))
        {
            return compilation;
        }

        foreach (var reference in compilation.References.OfType<CompilationReference>())
        {
            if (Holding(reference.Compilation, tree, depth + 1, seen) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
