using System.Text;
using System.Text.RegularExpressions;
using Heal.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>
/// The plain sentences of a symbol's XML documentation, for rules that read a contract in prose rather than a value
/// (what a loop sees of changes made while it runs, what a failed timer tick does, which of two duplicates wins).
/// <c>see cref</c> becomes the referenced name, <c>paramref</c>/<c>typeparamref</c> the parameter's name and
/// <c>langword</c> the keyword, so a sentence can be matched against words and its names bound to code.
/// </summary>
public static partial class DocSentences
{
    /// <summary>Sentences of <c>summary</c>, <c>remarks</c>, <c>returns</c>, <c>value</c> and every <c>param</c> of <paramref name="symbol"/>.</summary>
    public static IEnumerable<DocSentence> Of(ISymbol symbol, IntentLocator locator)
    {
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax();
            var declaration = syntax is VariableDeclaratorSyntax ? syntax.FirstAncestorOrSelf<MemberDeclarationSyntax>() : syntax;
            var comment = declaration?.GetLeadingTrivia().Select(t => t.GetStructure()).OfType<DocumentationCommentTriviaSyntax>().LastOrDefault();
            if (comment is null)
            {
                continue;
            }

            foreach (var element in comment.Content.OfType<XmlElementSyntax>())
            {
                var name = element.StartTag.Name.LocalName.ValueText;
                if (name is not ("summary" or "remarks" or "returns" or "value" or "param" or "exception"))
                {
                    continue;
                }

                var parameter = element.StartTag.Attributes.OfType<XmlNameAttributeSyntax>().FirstOrDefault()?.Identifier.Identifier.ValueText;
                var (path, line) = locator.Locate(element);
                foreach (var sentence in Split(Plain(element.Content)))
                {
                    yield return new DocSentence(symbol, name, parameter, sentence, path, line, element);
                }
            }
        }
    }

    /// <summary>The element's text with references replaced by the names they refer to, whitespace collapsed.</summary>
    public static string Plain(SyntaxList<XmlNodeSyntax> content)
    {
        var builder = new StringBuilder();
        foreach (var node in content)
        {
            switch (node)
            {
                case XmlTextSyntax text:
                    foreach (var token in text.TextTokens)
                    {
                        builder.Append(token.ValueText);
                    }

                    break;
                case XmlEmptyElementSyntax empty:
                    builder.Append(' ').Append(Referenced(empty)).Append(' ');
                    break;
                case XmlElementSyntax inner:
                    builder.Append(Plain(inner.Content));
                    break;
            }
        }

        return Spaces().Replace(builder.ToString(), " ").Trim();
    }

    private static string Referenced(XmlEmptyElementSyntax element)
    {
        foreach (var attribute in element.Attributes)
        {
            switch (attribute)
            {
                case XmlCrefAttributeSyntax cref:
                    var text = cref.Cref.ToString();
                    var name = text.Split('(')[0];
                    return name[(name.LastIndexOf('.') + 1)..];
                case XmlNameAttributeSyntax named:
                    return named.Identifier.Identifier.ValueText;
                case XmlTextAttributeSyntax { Name.LocalName.ValueText: "langword" } word:
                    return string.Concat(word.TextTokens.Select(t => t.ValueText));
            }
        }

        return "";
    }

    private static IEnumerable<string> Split(string text) =>
        SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z(])")]
    private static partial Regex SentenceEnd();
}
