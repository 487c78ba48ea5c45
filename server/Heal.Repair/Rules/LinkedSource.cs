using Heal.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Rules;

/// <summary>A linked frame opened in Roslyn: the document, its semantic model and the code at the frame's line.</summary>
/// <param name="Frame">The frame and its workspace path and (re-anchored) line.</param>
/// <param name="Document">The Roslyn document of <see cref="LinkedFrame.RelativePath"/>.</param>
/// <param name="Root">The document's syntax root.</param>
/// <param name="SemanticModel">The document's semantic model (may carry errors for unresolved references; rules must tolerate them).</param>
/// <param name="LineSpan">The span of the frame's line (without the line break).</param>
/// <param name="Member">The innermost method, local function, lambda, accessor or constructor enclosing the line, if any.</param>
public sealed record LinkedSource(
    LinkedFrame Frame,
    Document Document,
    SyntaxNode Root,
    SemanticModel SemanticModel,
    TextSpan LineSpan,
    SyntaxNode? Member)
{
    public string RelativePath => Frame.RelativePath;

    public SourceText Text => Root.SyntaxTree.GetText();
}
