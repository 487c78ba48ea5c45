using System.Collections.Immutable;
using System.Text;
using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Rules;

/// <summary>
/// An <c>async void</c> method that has to stay <c>async void</c> (an event handler, an override, a delegate target, a
/// method whose callers cannot await) handles its exceptions the way the type's other <c>async void</c> methods already do:
/// their whole body is one <c>try</c> whose <c>catch</c> covers the thrown exception. The sibling's <c>catch</c> clauses are
/// copied around this method's body.
/// </summary>
/// <remarks>
/// Declines (null) unless the convention is plain: the catch names nothing of the sibling's own locals or parameters; a
/// catch that carries text (a log message) is copied only when at least two siblings agree on it word for word; siblings
/// that disagree leave the choice to a person. A <c>catch (Exception)</c> is taken for exceptions the world throws (I/O, the
/// network, timeouts, the application's own exceptions), never for a programming error such as a null dereference, which
/// a catch would only hide.
/// </remarks>
public static class SiblingCatchFix
{
    internal static readonly HashSet<string> ProgrammingErrors = new(StringComparer.Ordinal)
    {
        "NullReferenceException", "IndexOutOfRangeException", "ArgumentOutOfRangeException", "ArgumentNullException", "ArgumentException",
        "InvalidCastException", "KeyNotFoundException", "DivideByZeroException", "OverflowException", "FormatException",
        "NotImplementedException", "NotSupportedException", "StackOverflowException", "ObjectDisposedException",

        // A state the code did not expect ("Nullable object must have a value", "Sequence contains more than one element"):
        // a catch-all would hide it; only a sibling that names it expects it.
        "InvalidOperationException",
    };

    /// <param name="source">The frame of the <c>async void</c> method.</param>
    /// <param name="method">That method.</param>
    /// <param name="rootCause">The crash's root cause.</param>
    /// <param name="constraint">Why the method must stay <c>async void</c>, for the reviewer.</param>
    public static RuleResult? Apply(CrashSite site, LinkedSource source, MethodDeclarationSyntax method, string rootCause, string constraint,
        ImmutableArray<Evidence>.Builder evidence, CancellationToken cancellationToken)
    {
        var model = source.SemanticModel;
        if (method.Body is not { Statements.Count: > 0 } body || method.Parent is not TypeDeclarationSyntax type
            || body.Statements is [TryStatementSyntax { Catches.Count: > 0 }]
            || body.DescendantTokens().Any(t => t.Text.Contains('\n', StringComparison.Ordinal)))
        {
            // Already wrapped; or a multi-line literal, whose text re-indenting the body would change.
            return null;
        }

        var thrown = model.Compilation.GetTypeByMetadataName(site.Exception.Type);
        var conventions = new List<(MethodDeclarationSyntax Sibling, TryStatementSyntax Try, string Text)>();
        foreach (var sibling in type.Members.OfType<MethodDeclarationSyntax>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (sibling == method || !IsAsyncVoid(sibling) || sibling.Body?.Statements is not [TryStatementSyntax { Catches.Count: > 0, Finally: null } attempt])
            {
                continue;
            }

            if (Covers(attempt, thrown, site.ExceptionName, model) && Portable(attempt, model) && !Collides(attempt, method))
            {
                conventions.Add((sibling, attempt, Normalize(string.Concat(attempt.Catches.Select(c => c.ToString())))));
            }
        }

        var texts = conventions.Select(c => c.Text).Distinct(StringComparer.Ordinal).ToList();
        if (texts.Count != 1)
        {
            return null;
        }

        var carriesText = conventions[0].Try.Catches.SelectMany(c => c.DescendantNodes())
            .Any(n => n is InterpolatedStringExpressionSyntax || n is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression });
        if (carriesText && conventions.Count < 2)
        {
            return null;
        }

        var precedent = conventions[0].Try;
        foreach (var (sibling, _, _) in conventions.Take(2))
        {
            evidence.Add(RuleKit.Evidence(source, sibling.Body!.Statements[0], $"`{sibling.Identifier.Text}`, another async void method of the type, catches this way"));
        }

        var change = Wrap(source, body, precedent);
        var reasons = new List<(double, string)>
        {
            (0.4, constraint),
            (conventions.Count >= 2 ? 0.3 : 0.2, conventions.Count >= 2
                ? $"{conventions.Count} other async void methods of the type wrap their body in the same try/catch"
                : $"`{conventions[0].Sibling.Identifier.Text}`, another async void method of the type, wraps its body in this try/catch"),
        };
        if (precedent.Catches.Any(c => c.Declaration is { } d && model.GetTypeInfo(d.Type, cancellationToken).Type is { } caught
            && caught.ToDisplayString() != "System.Exception" && Derives(thrown, caught)))
        {
            reasons.Add((0.1, $"the copied catch names {site.ExceptionName} or a base of it, so the team expects this exception here"));
        }

        return RuleKit.Fix(rootCause,
            $"`{method.Identifier.Text}` must stay `async void`, so no caller can catch what it throws; the type's other async void methods catch inside their body, and this one now does the same.",
            "catch-in-async-void", reasons, evidence, RuleKit.Edit(source, change));
    }

    private static bool IsAsyncVoid(MethodDeclarationSyntax method) =>
        method.Modifiers.Any(SyntaxKind.AsyncKeyword) && method.ReturnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword };

    /// <summary>One of the try's catches catches the thrown exception (a general catch only for exceptions that are not programming errors).</summary>
    private static bool Covers(TryStatementSyntax attempt, INamedTypeSymbol? thrown, string thrownName, SemanticModel model)
    {
        foreach (var clause in attempt.Catches)
        {
            // A filtered catch is the sibling's own decision; a catch that rethrows handles nothing.
            if (clause.Filter is not null || clause.Block.DescendantNodes().Any(n => n is ThrowStatementSyntax or ThrowExpressionSyntax))
            {
                continue;
            }

            var caught = clause.Declaration is null ? null : model.GetTypeInfo(clause.Declaration.Type).Type;
            var general = caught is null || caught.ToDisplayString() == "System.Exception";
            if (general)
            {
                return !ProgrammingErrors.Contains(thrownName);
            }

            if (Derives(thrown, caught!))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Derives(ITypeSymbol? type, ITypeSymbol baseType)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The catches name only their own variables, members of the type and static members: nothing of the sibling's body or parameters.</summary>
    private static bool Portable(TryStatementSyntax attempt, SemanticModel model)
    {
        foreach (var clause in attempt.Catches)
        {
            foreach (var name in clause.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                var symbol = model.GetSymbolInfo(name).Symbol;
                if (symbol is IParameterSymbol || symbol is ILocalSymbol local && !clause.Span.Contains(local.DeclaringSyntaxReferences.FirstOrDefault()?.Span ?? default))
                {
                    return false;
                }

                if (symbol is IRangeVariableSymbol)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>A catch variable named like a parameter or local of the method would not compile there.</summary>
    private static bool Collides(TryStatementSyntax attempt, MethodDeclarationSyntax method)
    {
        var taken = method.ParameterList.Parameters.Select(p => p.Identifier.ValueText)
            .Concat(method.DescendantNodes().OfType<VariableDeclaratorSyntax>().Select(v => v.Identifier.ValueText))
            .Concat(method.DescendantNodes().OfType<SingleVariableDesignationSyntax>().Select(v => v.Identifier.ValueText))
            .ToHashSet(StringComparer.Ordinal);
        return attempt.Catches.SelectMany(c => c.DescendantNodes()).Any(n =>
            n is CatchDeclarationSyntax { Identifier.ValueText: var name } && taken.Contains(name)
            || n is VariableDeclaratorSyntax v && taken.Contains(v.Identifier.ValueText));
    }

    /// <summary>The method's body statements moved one level in, inside <c>try { … }</c> followed by the precedent's catches, re-indented to this method.</summary>
    private static TextChange Wrap(LinkedSource source, BlockSyntax body, TryStatementSyntax precedent)
    {
        var text = source.Text;
        var newLine = FileStyle.Of(source.Root).NewLine;
        var indent = FileStyle.LineIndent(text, body.Statements[0].SpanStart);

        var builder = new StringBuilder();
        builder.Append(TryBlock(source, body));
        var precedentIndent = FileStyle.LineIndent(precedent.SyntaxTree.GetText(), precedent.SpanStart);
        foreach (var clause in precedent.Catches)
        {
            var clauseText = Reindent(clause.ToString(), precedentIndent, indent, newLine);
            builder.Append(FileStyle.IsFirstOnLine(precedent.SyntaxTree.GetText(), clause.SpanStart) ? newLine + indent : " ").Append(clauseText);
        }

        return new TextChange(BodySpan(text, body), builder.ToString());
    }

    /// <summary>
    /// The method's body statements wrapped in <c>try</c> and one <c>catch (<paramref name="caught"/>)</c> whose block holds
    /// <paramref name="handler"/>, written in the file's brace style and indentation.
    /// </summary>
    public static TextChange WrapWithCatch(LinkedSource source, BlockSyntax body, string caught, IReadOnlyList<string> handler)
    {
        var style = FileStyle.Of(source.Root);
        var newLine = style.NewLine;
        var indent = FileStyle.LineIndent(source.Text, body.Statements[0].SpanStart);
        var builder = new StringBuilder(TryBlock(source, body));
        builder.Append(style.OpenBraceOnOwnLine ? newLine + indent : " ").Append("catch (").Append(caught).Append(')');
        builder.Append(style.OpenBraceOnOwnLine ? newLine + indent + "{" : " {").Append(newLine);
        foreach (var line in handler)
        {
            builder.Append(indent).Append(style.IndentUnit).Append(line).Append(newLine);
        }

        builder.Append(indent).Append('}');
        return new TextChange(BodySpan(source.Text, body), builder.ToString());
    }

    /// <summary><c>try { … }</c> around the body's statements, moved one level in; no line break after the closing brace.</summary>
    private static string TryBlock(LinkedSource source, BlockSyntax body)
    {
        var text = source.Text;
        var style = FileStyle.Of(source.Root);
        var newLine = style.NewLine;
        var indent = FileStyle.LineIndent(text, body.Statements[0].SpanStart);
        var inner = text.ToString(BodySpan(text, body));
        var moved = string.Join(newLine, inner.Split('\n').Select(l => l.TrimEnd('\r')).Select(l => l.Length == 0 ? l : style.IndentUnit + l));
        var open = style.OpenBraceOnOwnLine ? newLine + indent + "{" : " {";
        return $"{indent}try{open}{newLine}{moved}{newLine}{indent}}}";
    }

    /// <summary>From the start of the first statement's line to the end of the last statement's line.</summary>
    private static TextSpan BodySpan(SourceText text, BlockSyntax body) =>
        TextSpan.FromBounds(text.Lines.GetLineFromPosition(body.Statements[0].SpanStart).Start, text.Lines.GetLineFromPosition(body.Statements[^1].Span.End).End);

    private static string Reindent(string clause, string from, string to, string newLine) =>
        string.Join(newLine, clause.Split('\n').Select(l => l.TrimEnd('\r')).Select((l, i) => i > 0 && l.StartsWith(from, StringComparison.Ordinal) ? to + l[from.Length..] : l));

    private static string Normalize(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
