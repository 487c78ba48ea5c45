using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>
/// Finds what a method already does with invalid input (its validation guards: a validation result, <c>false</c>,
/// <c>null</c>, a domain exception, <c>continue</c> in a loop…) so a parse failure can take the same path.
/// </summary>
public static class InvalidInputPath
{
    /// <param name="member">The enclosing method, local function or lambda.</param>
    /// <param name="anchor">The statement the exit will be inserted before.</param>
    /// <param name="input">The input being parsed; guards about it are preferred.</param>
    /// <param name="message">A plain string literal describing the invalid input, used where the existing exit carries a message.</param>
    /// <param name="valueName">The name the parsed value gets; a sibling's failure path that names its own value is renamed to it.</param>
    public static Fallback? Infer(SyntaxNode member, StatementSyntax anchor, ExpressionSyntax input, SemanticModel model, string message, out string whyNot,
        string? valueName = null)
    {
        whyNot = "";
        var anchorLoop = ExitPaths.EnclosingLoop(anchor, member);
        var guards = ExitPaths.Guards(member).Concat(ExitPaths.GuardsWithEffects(member))
            .Where(g => g.Jump.SpanStart < anchor.SpanStart && !anchor.Span.Contains(g.Jump.Span))
            .Where(g => !g.IsLoopExit || (anchorLoop is not null && ExitPaths.EnclosingLoop(g.Jump, member) == anchorLoop))
            .Select(g => (Guard: g, AboutInput: Mentions(g.Condition, input), Validation: ExitPaths.IsValidationTest(g.Condition)))
            .Where(g => g.AboutInput || g.Validation || g.Guard.IsLoopExit)
            .ToList();
        if (guards.Count == 0)
        {
            whyNot = "the method has no existing path for invalid input (no validation guard before the parse), so the intended behaviour is unclear";
            return null;
        }

        // A sibling parse that already fails gracefully is the whole answer: its failure path (the error it records, then
        // its exit) is copied, renamed to this input.
        var failedParses = guards.Where(g => ExitPaths.FailedParse(g.Guard.Condition) is not null).ToList();
        if (failedParses.Count > 0)
        {
            var adapted = failedParses.Select(g => AdaptFailedParse(g.Guard, input, valueName, anchor, model, message)).ToList();
            if (adapted.Any(a => a is null))
            {
                whyNot = "a sibling parse's failure path refers to data that cannot be adapted to this input";
                return null;
            }

            var ways = adapted.OfType<Fallback>().DistinctBy(a => string.Join("\n", a.Effects ?? []) + a.Jump, StringComparer.Ordinal).ToList();
            if (ways.Count > 1)
            {
                whyNot = "sibling parses fail in more than one way, so the intended one is unclear";
                return null;
            }

            // One sibling is one witness: the copy is likely, not certain, to be what the owner wants.
            return failedParses.Select(g => g.Guard.Jump).Distinct().Count() > 1 ? ways[0] : ways[0] with { Confidence = 0.7 };
        }

        // Guards about the same input say most; a loop that already skips bad items comes next.
        var preferred = guards.Where(g => g.AboutInput).ToList();
        if (preferred.Count == 0)
        {
            preferred = guards.Where(g => g.Guard.IsLoopExit).ToList();
        }

        if (preferred.Count == 0)
        {
            preferred = guards;
        }

        // The method records what is wrong with invalid input: a bare exit would drop this input's error silently.
        if (!preferred.Any(g => g.AboutInput) && preferred.All(g => !g.Guard.HasEffects) && guards.Any(g => g.Guard.HasEffects))
        {
            whyNot = "the method records invalid input before leaving, and nothing shows how to record this parse's failure";
            return null;
        }

        var rendered = preferred.Select(g => g.Guard.HasEffects ? null : Render(g.Guard, model, message, g.AboutInput)).ToList();
        if (rendered.Any(r => r is null))
        {
            whyNot = "the existing invalid-input path carries data that cannot be adapted to this input";
            return null;
        }

        var distinct = rendered.OfType<Fallback>().DistinctBy(r => r.Jump, StringComparer.Ordinal).ToList();
        if (distinct.Count > 1)
        {
            whyNot = "the method handles invalid input in more than one way, so the intended one is unclear";
            return null;
        }

        return distinct[0];
    }

    private static Fallback? Render(GuardedExit guard, SemanticModel model, string message, bool aboutInput)
    {
        var confidence = aboutInput ? 0.85 : 0.75;
        var reason = aboutInput
            ? "the method already rejects this input this way when it is missing or malformed"
            : guard.IsLoopExit ? "the loop already skips invalid items this way" : "the method already rejects invalid input this way";
        var exit = guard.Jump switch
        {
            ReturnStatementSyntax { Expression: null } or ContinueStatementSyntax or BreakStatementSyntax => guard.Jump.ToString(),
            ReturnStatementSyntax { Expression: { } value } => WithMessage(value, model, message) is { } adapted ? $"return {adapted};" : null,
            ThrowStatementSyntax { Expression: { } thrown } => WithMessage(thrown, model, message) is { } adapted ? $"throw {adapted};" : null,
            _ => null,
        };
        return exit is null ? null : new Fallback(exit, null, confidence, reason, guard.Jump);
    }

    /// <summary>
    /// The exit value with its one message replaced: a value without strings is kept as is; a call or
    /// <c>new</c> whose only string argument is a literal gets <paramref name="message"/> instead.
    /// </summary>
    private static string? WithMessage(ExpressionSyntax value, SemanticModel model, string message)
    {
        var strings = value.DescendantNodesAndSelf()
            .Where(n => n is InterpolatedStringExpressionSyntax || (n is LiteralExpressionSyntax l && l.IsKind(SyntaxKind.StringLiteralExpression)))
            .Cast<ExpressionSyntax>()
            .Where(n => !n.Ancestors().Any(a => a is InterpolatedStringExpressionSyntax))
            .ToList();
        if (strings.Count == 0)
        {
            // A value built from the guarded variable (e.g. `Error(name)`) would describe the wrong input.
            return value.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i => model.GetSymbolInfo(i).Symbol is ILocalSymbol or IParameterSymbol)
                ? null
                : value.ToString();
        }

        // Another value's name (`nameof(patient)`, `Error(field: name)`) would report this failure under the wrong input.
        if (strings.Count > 1 || value.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
                .Any(i => !strings[0].Span.Contains(i.Span) && model.GetSymbolInfo(i).Symbol is ILocalSymbol or IParameterSymbol))
        {
            return null;
        }

        var text = value.ToString();
        var span = strings[0].Span;
        return text[..(span.Start - value.SpanStart)] + message + text[(span.End - value.SpanStart)..];
    }

    /// <summary>
    /// The failure path of <c>if (!T.TryParse(sibling, …, out var v)) { effects; exit; }</c> for this parse: the sibling's input
    /// becomes <paramref name="input"/>, a string naming <c>v</c> (or <c>nameof(v)</c>) names <paramref name="valueName"/>.
    /// Null when it uses <c>v</c> otherwise, or a local that is not in scope at <paramref name="anchor"/>.
    /// </summary>
    /// A message sentence that names the sibling's own value ("The vehicle number has digits only.") is about that value,
    /// so it becomes <paramref name="message"/>.
    private static Fallback? AdaptFailedParse(GuardedExit guard, ExpressionSyntax input, string? valueName, StatementSyntax anchor, SemanticModel model, string message)
    {
        var call = ExitPaths.FailedParse(guard.Condition)!;
        var siblingInput = call.ArgumentList.Arguments[0].Expression;
        var outArgument = call.ArgumentList.Arguments[^1].Expression;
        var outSymbol = outArgument switch
        {
            DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax single } => model.GetDeclaredSymbol(single),
            _ => model.GetSymbolInfo(outArgument).Symbol,
        };
        if (outSymbol is null)
        {
            return null;
        }

        var statements = (guard.HasEffects ? guard.Effects : []).Cast<SyntaxNode>().Append(guard.Jump).ToList();
        var texts = new List<string>();
        foreach (var statement in statements)
        {
            var changes = new List<(Microsoft.CodeAnalysis.Text.TextSpan Span, string Text)>();
            foreach (var node in statement.DescendantNodesAndSelf(n => !changes.Any(c => c.Span.Contains(n.Span))))
            {
                if (changes.Any(c => c.Span.Contains(node.Span)))
                {
                    continue;
                }

                if (node is ExpressionSyntax expression && node is not LiteralExpressionSyntax && expression.IsEquivalentTo(siblingInput, topLevel: false))
                {
                    changes.Add((node.Span, input.ToString()));
                }
                else if (node is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } sentence && sentence.Token.ValueText.Contains(' ', StringComparison.Ordinal)
                         && NamesValue(sentence.Token.ValueText, outSymbol.Name, siblingInput))
                {
                    changes.Add((node.Span, message));
                }
                else if (node is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal && literal.Token.ValueText == outSymbol.Name)
                {
                    if (valueName is null)
                    {
                        return null;
                    }

                    changes.Add((node.Span, SymbolDisplay.FormatLiteral(valueName, quote: true)));
                }
                else if (node is IdentifierNameSyntax id && model.GetSymbolInfo(id).Symbol is { } symbol)
                {
                    var inNameof = id.Parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } };
                    if (SymbolEqualityComparer.Default.Equals(symbol, outSymbol))
                    {
                        if (!inNameof || valueName is null)
                        {
                            return null;
                        }

                        changes.Add((node.Span, valueName));
                    }
                    else if (symbol is ILocalSymbol or IParameterSymbol
                             && !model.LookupSymbols(anchor.SpanStart, name: symbol.Name).Contains(symbol, SymbolEqualityComparer.Default))
                    {
                        return null;
                    }
                }
            }

            var text = statement.ToString();
            foreach (var (span, replacement) in changes.OrderByDescending(c => c.Span.Start))
            {
                text = text[..(span.Start - statement.SpanStart)] + replacement + text[(span.End - statement.SpanStart)..];
            }

            texts.Add(text);
        }

        return new Fallback(texts[^1], null, 0.8, $"a sibling parse (`{call}`) already fails this way: the same error path, for this input", guard.Jump,
            texts.Count > 1 ? texts.Take(texts.Count - 1).ToList() : null);
    }

    /// <summary>True when <paramref name="sentence"/> has a word that is the sibling's value name or its input's name.</summary>
    private static bool NamesValue(string sentence, string valueName, ExpressionSyntax siblingInput)
    {
        var names = new List<string> { valueName };
        if (siblingInput is IdentifierNameSyntax or MemberAccessExpressionSyntax)
        {
            names.Add(ParseCall.NameOf(siblingInput));
        }

        var words = sentence.Split([' ', '.', ',', ':', ';', '!', '?', '\'', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries);
        return words.Any(w => names.Any(n => n.Length > 1 && string.Equals(w, n, StringComparison.OrdinalIgnoreCase)));
    }

    private static bool Mentions(SyntaxNode condition, ExpressionSyntax input) =>
        condition.DescendantNodesAndSelf().OfType<ExpressionSyntax>().Any(e => e.IsEquivalentTo(input, topLevel: false));
}
