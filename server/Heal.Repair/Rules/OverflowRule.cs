using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Rules;

/// <summary>
/// <c>OverflowException</c> from narrowing (<c>checked</c> arithmetic, <c>Convert.ToInt32</c>, <c>int.Parse</c> of a
/// large number, <c>(int)decimal</c>): widens to <c>long</c> when the value only flows into a wider destination,
/// or uses <c>TryParse</c> with the method's invalid-input path for parsed input. Usually declines, because a
/// narrower type is often a contract. A product the method's documentation caps at a named maximum returns that
/// maximum (<see cref="DocumentedCeiling"/>).
/// </summary>
public sealed partial class OverflowRule : ICrashRule
{
    public string Id => "overflow";

    public bool Matches(CrashSite site) => site.ExceptionName == "OverflowException";

    public RuleResult? Apply(CrashSite site, CancellationToken cancellationToken)
    {
        var source = site.Throwing;
        var model = source.SemanticModel;
        var evidence = new List<Evidence> { RuleKit.ThrowingLine(source) };

        // The documentation caps the result at a named maximum the method already returns for larger values: return it.
        if (DocumentedCeiling.Apply(source, evidence, cancellationToken) is { } capped)
        {
            return capped;
        }

        var candidates = RuleKit.OnLine<ExpressionSyntax>(source)
            .Where(e => Narrow(model.GetTypeInfo(e, cancellationToken).Type) && Overflows(e, model, cancellationToken))
            .ToList();
        // A running total kept in an int that the method hands on as a long: accumulate in long.
        var onLine = candidates.Count == 1 ? candidates[0].FirstAncestorOrSelf<ExpressionStatementSyntax>() : null;
        if ((candidates.Count == 0 || onLine is not null) && Accumulator(source, onLine, evidence, cancellationToken) is { } accumulator)
        {
            return accumulator;
        }

        if (candidates.Count != 1)
        {
            return RuleResult.Decline("A value did not fit in its numeric type.",
                candidates.Count == 0 ? "no narrowing conversion or checked arithmetic into a type narrower than long was found on the throwing line"
                    : "several narrowing operations share the throwing line, so the overflowing one is unclear", [.. evidence]);
        }

        var node = candidates[0];
        var type = model.GetTypeInfo(node, cancellationToken).Type!;
        var rootCause = $"`{node}` produced a value too large for `{type.ToDisplayString()}`.";
        var why = $"A value computed or parsed as `{type.ToDisplayString()}` that only flows into a wider destination.";
        var widened = Widen(node, model);
        var outer = node;
        while (outer.Parent is CheckedExpressionSyntax or ParenthesizedExpressionSyntax)
        {
            outer = (ExpressionSyntax)outer.Parent;
        }

        // The result already lands in something wider: compute it that wide.
        if (widened is not null && Width(model.GetTypeInfo(outer, cancellationToken).ConvertedType) >= 3)
        {
            return RuleKit.Fix(rootCause, why, "widen",
                [(0.5, "the overflowing value is narrower than where it is stored"), (0.35, "computing it as long changes nothing else")],
                evidence, RuleKit.Edit(source, widened.Value));
        }

        // `int x = …;` whose every use is converted to something wider.
        var declarator = outer.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax d } ? d : null;
        if (widened is not null && declarator?.Parent?.Parent is LocalDeclarationStatementSyntax declaration && source.Member is not null
            && model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol local)
        {
            var uses = ExitPaths.OwnNodes(source.Member).OfType<IdentifierNameSyntax>()
                .Where(i => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(i, cancellationToken).Symbol, local))
                .ToList();
            var onlyWide = uses.Count > 0 && uses.All(u => Width(model.GetTypeInfo(u, cancellationToken).ConvertedType) >= 3
                && !(u.Parent is AssignmentExpressionSyntax a && a.Left == u) && u.Parent is not PostfixUnaryExpressionSyntax and not PrefixUnaryExpressionSyntax
                && !(u.Parent is ArgumentSyntax { RefKindKeyword.RawKind: not 0 }));
            if (onlyWide)
            {
                evidence.AddRange(uses.Take(2).Select(u => RuleKit.Evidence(source, u, "the value is only used as a wider type")));
                var changes = new List<TextChange> { widened.Value };
                if (!declaration.Declaration.Type.IsVar)
                {
                    changes.Add(new TextChange(declaration.Declaration.Type.Span, "long"));
                }

                return RuleKit.Fix(rootCause, why, "widen",
                    [(0.45, "the overflowing value is stored in a local"), (0.35, $"every use of `{local.Name}` already converts it to a wider type")],
                    evidence, RuleKit.Edit(source, [.. changes]));
            }
        }

        if (node is InvocationExpressionSyntax invocation && ParseCall.From(invocation, model) is { } parse && parse.Input is not null)
        {
            return TryParseFix.Apply(source, parse, rootCause + " Parsed input can hold any number.",
                "A parse of input into a fixed-size number whose method already rejects invalid input; an out-of-range number is invalid input too.",
                "try-parse", [(0.1, "parse of input overflowed")], evidence, cancellationToken);
        }

        // The documentation says the value is capped at the type's range: saturate instead of throwing.
        if (DocumentedCap(source) is { } cap && Saturate(node, type, model) is { } saturated)
        {
            evidence.Add(RuleKit.Evidence(source, cap.Node, "the documentation says the value is capped"));
            return RuleKit.Fix(rootCause, $"A narrowing conversion whose documentation says the value is capped at what `{type.ToDisplayString()}` holds.", "clamp",
                [(0.45, "a narrowing conversion overflowed"), (0.3, $"the documentation says the value is capped at the type's range: {cap.Text}")],
                evidence, RuleKit.Edit(source, saturated));
        }

        return RuleResult.Decline(rootCause, $"the value is kept as `{type.ToDisplayString()}` beyond this line, so widening it would change a contract and the intended range is unclear", [.. evidence]);
    }

    /// <summary>The sentence of the failing member's XML documentation that says its value is capped at the type's range or saturates.</summary>
    private static (SyntaxNode Node, string Text)? DocumentedCap(LinkedSource source)
    {
        var declaration = source.Member?.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().FirstOrDefault();
        var comment = declaration?.GetLeadingTrivia().Select(t => t.GetStructure()).OfType<DocumentationCommentTriviaSyntax>().LastOrDefault();
        if (comment is null)
        {
            return null;
        }

        var text = System.Text.RegularExpressions.Regex.Replace(comment.ToString().Replace("///", " ", StringComparison.Ordinal), @"<[^>]*cref=""([^""]*)""[^>]*/>", "$1");
        text = System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(text, "<[^>]+>", " "), @"\s+", " ").Trim();
        // Only a cap at the type's own range (MaxValue, "saturates") is what clamping to the type gives; "capped at 100" is another rule.
        var sentence = text.Split(". ").FirstOrDefault(s => CapWords().IsMatch(s) && TypeRange().IsMatch(s));
        return sentence is null ? null : (comment, sentence.Length > 120 ? sentence[..117] + "..." : sentence);
    }

    /// <summary><c>(int)x</c> → <c>(int)Math.Clamp(x, int.MinValue, int.MaxValue)</c>; <c>Convert.ToInt32(x)</c> likewise; null for parses.</summary>
    private static TextChange? Saturate(ExpressionSyntax node, ITypeSymbol type, SemanticModel model)
    {
        var keyword = ParseCall.Keyword(type);
        var math = RuleKit.Binds(model, node.SpanStart, "Math.Abs(1)") ? "Math" : "System.Math";
        if (keyword is null)
        {
            return null;
        }

        return node switch
        {
            // Not float: (float)int.MaxValue rounds up to 2^31, which overflows again.
            CastExpressionSyntax cast when model.GetTypeInfo(cast.Expression).Type?.SpecialType is SpecialType.System_Int64 or SpecialType.System_Double or SpecialType.System_Decimal =>
                new TextChange(cast.Expression.Span, $"{math}.Clamp({cast.Expression}, {keyword}.MinValue, {keyword}.MaxValue)"),
            InvocationExpressionSyntax { ArgumentList.Arguments: [{ Expression: var value }] } when model.GetSymbolInfo(node).Symbol?.ContainingType.Name == "Convert"
                && model.GetTypeInfo(value).Type?.SpecialType is SpecialType.System_Int64 or SpecialType.System_Double or SpecialType.System_Decimal =>
                new TextChange(value.Span, $"{math}.Clamp({value}, {keyword}.MinValue, {keyword}.MaxValue)"),
            _ => null,
        };
    }

    private static bool Overflows(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken) => expression switch
    {
        InvocationExpressionSyntax invocation => model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
            && ((method.Name is "Parse" && method.ContainingType.SpecialType != SpecialType.None)
                || (method.ContainingType.Name == "Convert" && method.Name.StartsWith("To", StringComparison.Ordinal))
                || (method.ContainingType.Name == "Math" && method.Name == "Abs")
                || (method.ContainingType.Name == "Enumerable" && method.Name == "Sum")),
        CastExpressionSyntax cast => Width(model.GetTypeInfo(cast.Expression, cancellationToken).Type) > Width(model.GetTypeInfo(cast, cancellationToken).Type)
            && (InChecked(cast) || model.GetTypeInfo(cast.Expression, cancellationToken).Type?.SpecialType is SpecialType.System_Decimal),
        BinaryExpressionSyntax binary => (binary.IsKind(SyntaxKind.MultiplyExpression) || binary.IsKind(SyntaxKind.AddExpression) || binary.IsKind(SyntaxKind.SubtractExpression))
            && InChecked(binary) && binary.Parent is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.MultiplyExpression or (int)SyntaxKind.AddExpression or (int)SyntaxKind.SubtractExpression },
        _ => false,
    };

    /// <summary>
    /// <c>int total = 0; … total += a * b; … return total;</c> in a method returning <c>long</c>, in checked arithmetic: the
    /// total and each addend are computed as <c>long</c>. <paramref name="only"/> restricts it to the statement on the line;
    /// otherwise (optimised builds report an earlier statement) the method must hold exactly one such total.
    /// </summary>
    private static RuleResult? Accumulator(LinkedSource source, ExpressionStatementSyntax? only, List<Evidence> evidence, CancellationToken cancellationToken)
    {
        var model = source.SemanticModel;
        if (source.Member is null)
        {
            return null;
        }

        var found = new List<(AssignmentExpressionSyntax Update, LocalDeclarationStatementSyntax Declaration, ILocalSymbol Local)>();
        foreach (var update in ExitPaths.OwnNodes(source.Member).OfType<AssignmentExpressionSyntax>().Where(a => a.IsKind(SyntaxKind.AddAssignmentExpression)))
        {
            if (only is not null && !only.Span.Contains(update.Span)
                || model.GetSymbolInfo(update.Left, cancellationToken).Symbol is not ILocalSymbol local || !Narrow(local.Type)
                || !InChecked(update, model) || ExitPaths.EnclosingLoop(update, source.Member) is null
                || local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator
                || declarator.Parent?.Parent is not LocalDeclarationStatementSyntax { Declaration.Variables.Count: 1 } declaration)
            {
                continue;
            }

            // Every read of the total must already be wide (returned from a long method, passed as long).
            var reads = ExitPaths.OwnNodes(source.Member).OfType<IdentifierNameSyntax>()
                .Where(i => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(i, cancellationToken).Symbol, local) && !(i.Parent is AssignmentExpressionSyntax a && a.Left == i))
                .ToList();
            if (reads.Count > 0 && reads.All(r => Width(model.GetTypeInfo(r, cancellationToken).ConvertedType) >= 3 && Width(model.GetTypeInfo(r, cancellationToken).ConvertedType) <= 4))
            {
                found.Add((update, declaration, local));
            }
        }

        if (found.Select(f => f.Local).Distinct(SymbolEqualityComparer.Default).Count() != 1)
        {
            return null;
        }

        var (first, declarationStatement, total) = found[0];
        var changes = new List<TextChange>();
        var type = declarationStatement.Declaration.Type;
        if (type.IsVar)
        {
            if (declarationStatement.Declaration.Variables[0].Initializer?.Value is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } literal)
            {
                return null;
            }

            changes.Add(new TextChange(literal.Span, literal.Token.ValueText + "L"));
        }
        else
        {
            changes.Add(new TextChange(type.Span, "long"));
        }

        // `total += a * b` still multiplies as int before adding: the first operand of each narrow product becomes long.
        foreach (var update in found.Select(f => f.Update))
        {
            var product = ExitPaths.Unparenthesize(update.Right) as BinaryExpressionSyntax;
            if (product is not null && product.IsKind(SyntaxKind.MultiplyExpression) && Narrow(model.GetTypeInfo(product, cancellationToken).Type))
            {
                changes.Add(new TextChange(LeftmostOperand(product).Span, $"(long){Operand(LeftmostOperand(product))}"));
            }
        }

        var reasons = new List<(double, string)>
        {
            (0.5, $"`{total.Name}` is a `{total.Type.ToDisplayString()}` running total in checked arithmetic"),
            (0.3, $"every read of `{total.Name}` already converts it to a wider type, so computing it as long changes no contract"),
        };
        if (only is null)
        {
            reasons.Add((-0.1, "the reported line is an earlier statement of the method; this is its only narrow running total"));
        }

        evidence.Add(RuleKit.Evidence(source, first, "running total"));
        return RuleKit.Fix($"`{total.Name}` accumulates as `{total.Type.ToDisplayString()}` and overflowed, although the method hands it on as a wider type.",
            "A narrow running total in checked arithmetic whose result is only used as a long.", "widen", reasons, evidence,
            RuleKit.Edit(source, [.. changes.OrderBy(c => c.Span.Start)]));
    }

    private static bool InChecked(SyntaxNode node, SemanticModel model) =>
        InChecked(node) || model.Compilation.Options.CheckOverflow
        && !node.Ancestors().TakeWhile(a => a is not MemberDeclarationSyntax).Any(a => a is CheckedExpressionSyntax { RawKind: (int)SyntaxKind.UncheckedExpression } or CheckedStatementSyntax { RawKind: (int)SyntaxKind.UncheckedStatement });

    private static bool InChecked(SyntaxNode node) =>
        node.Ancestors().TakeWhile(a => a is not MemberDeclarationSyntax).Any(a => a is CheckedExpressionSyntax { RawKind: (int)SyntaxKind.CheckedExpression } or CheckedStatementSyntax { RawKind: (int)SyntaxKind.CheckedStatement });

    /// <summary>The same computation done as <c>long</c>.</summary>
    private static TextChange? Widen(ExpressionSyntax node, SemanticModel model) => node switch
    {
        // Math.Abs(int.MinValue) has no int result; as long it has. The operand's own arithmetic widens with it.
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Abs" }, ArgumentList.Arguments: [{ Expression: var operand }] }
            when model.GetSymbolInfo(node).Symbol?.ContainingType.Name == "Math" => WidenOperand(operand),

        // Enumerable.Sum over ints is checked; summing the same values as longs is not limited to int.
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Sum" }, ArgumentList.Arguments: var sumArguments } sum
            when model.GetSymbolInfo(node).Symbol?.ContainingType.Name == "Enumerable" => sumArguments switch
            {
                [] => new TextChange(sum.ArgumentList.Span, $"({RuleKit.FreeName(model, sum.SpanStart, "value", sum)} => (long){RuleKit.FreeName(model, sum.SpanStart, "value", sum)})"),
                [{ Expression: SimpleLambdaExpressionSyntax { ExpressionBody: ExpressionSyntax body } }] => WidenOperand(body),
                [{ Expression: ParenthesizedLambdaExpressionSyntax { ExpressionBody: ExpressionSyntax body, ParameterList.Parameters.Count: 1 } }] => WidenOperand(body),
                _ => null,
            },
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: PredefinedTypeSyntax keyword, Name.Identifier.ValueText: "Parse" } } =>
            new TextChange(keyword.Span, "long"),
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToInt32" or "ToInt16" or "ToByte" } member } when model.GetSymbolInfo(node).Symbol?.ContainingType.Name == "Convert" =>
            new TextChange(member.Name.Span, "ToInt64"),
        CastExpressionSyntax cast => new TextChange(cast.Type.Span, "long"),
        BinaryExpressionSyntax binary => new TextChange(LeftmostOperand(binary).Span, $"(long){Operand(LeftmostOperand(binary))}"),
        _ => null,
    };

    /// <summary>
    /// <c>x</c> → <c>(long)x</c>; <c>a * b</c> → <c>(long)a * b</c>, so the arithmetic itself runs as long (casting
    /// <c>(long)(a * b)</c> would keep the int overflow, silently wrapped in unchecked code).
    /// </summary>
    private static TextChange WidenOperand(ExpressionSyntax operand) =>
        ExitPaths.Unparenthesize(operand) is BinaryExpressionSyntax arithmetic && IsArithmetic(arithmetic)
            ? new TextChange(LeftmostOperand(arithmetic).Span, $"(long){Operand(LeftmostOperand(arithmetic))}")
            : new TextChange(operand.Span, $"(long){Operand(operand)}");

    private static bool IsArithmetic(BinaryExpressionSyntax binary) =>
        binary.IsKind(SyntaxKind.MultiplyExpression) || binary.IsKind(SyntaxKind.AddExpression) || binary.IsKind(SyntaxKind.SubtractExpression);

    private static ExpressionSyntax LeftmostOperand(BinaryExpressionSyntax binary) =>
        binary.Left is BinaryExpressionSyntax inner && (inner.IsKind(SyntaxKind.MultiplyExpression) || inner.IsKind(SyntaxKind.AddExpression) || inner.IsKind(SyntaxKind.SubtractExpression))
            ? LeftmostOperand(inner) : binary.Left;

    private static string Operand(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax or LiteralExpressionSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ParenthesizedExpressionSyntax or ElementAccessExpressionSyntax
            ? expression.ToString() : $"({expression})";

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(capped|caps|clamped|clamps|saturat\w*|at most|never (more|larger|greater) than|limited to)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex CapWords();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(MaxValue|MinValue|saturat\w*)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex TypeRange();

    private static bool Narrow(ITypeSymbol? type) => Width(type) is 1 or 2;

    private static int Width(ITypeSymbol? type) => type?.SpecialType switch
    {
        SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16 => 1,
        SpecialType.System_Int32 or SpecialType.System_UInt32 => 2,
        SpecialType.System_Int64 or SpecialType.System_UInt64 => 3,
        SpecialType.System_Decimal => 4,
        SpecialType.System_Single or SpecialType.System_Double => 5,
        _ => 0,
    };
}
