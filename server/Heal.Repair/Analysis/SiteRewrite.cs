using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Analysis;

/// <summary>
/// A rewrite of one file that keeps behaviour and makes room for an edit (<see cref="BodyBlock"/>, <see cref="LocalHoist"/>):
/// the new root, the span of the old text it replaced and the length of its replacement, and the annotation on the node
/// that now stands where the failing code was.
/// </summary>
/// <param name="Root">The rewritten syntax root.</param>
/// <param name="Replaced">The full span, in the old text, of the node that was replaced.</param>
/// <param name="NewLength">The length of what replaced it.</param>
/// <param name="Mark">The annotation on the failing code's node in <see cref="Root"/>.</param>
/// <param name="Describe">What the rewrite did, for the reviewer (e.g. "`Total` gets a block body").</param>
public sealed record SiteRewrite(SyntaxNode Root, TextSpan Replaced, int NewLength, SyntaxAnnotation Mark, string Describe)
{
    /// <summary>The rewrite of <paramref name="old"/> in <paramref name="root"/> that gave <paramref name="newRoot"/>.</summary>
    public static SiteRewrite Of(SyntaxNode root, SyntaxNode old, SyntaxNode newRoot, SyntaxAnnotation mark, string describe) =>
        new(newRoot, old.FullSpan, newRoot.FullSpan.Length - root.FullSpan.Length + old.FullSpan.Length, mark, describe);

    /// <summary>Where an old position is in the new text; null inside the replaced span.</summary>
    public int? Map(int position) =>
        position < Replaced.Start ? position
        : position >= Replaced.End ? position + NewLength - Replaced.Length
        : null;

    /// <summary>The node marked by <see cref="Mark"/> in <see cref="Root"/>.</summary>
    public SyntaxNode? Marked => Root.GetAnnotatedNodes(Mark).FirstOrDefault();
}
