using System.Text.RegularExpressions;
using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Rules;

/// <summary>
/// <c>IndexOutOfRangeException</c> / <c>ArgumentOutOfRangeException</c> from indexing: off-by-one loop bounds
/// (<c>i &lt;= a.Length</c>, <c>a[i + 1]</c> up to <c>Count</c>), <c>list[list.Count]</c>, a fixed index into a
/// possibly short collection (guarded with the method's own "nothing" exit), and <c>Substring</c> past the end
/// where truncation is the evident intent. Declines when the intended index is unclear.
/// </summary>
public sealed partial class IndexRangeRule : ICrashRule
{
    public string Id => "index-range";

    public bool Matches(CrashSite site) => site.ExceptionName is "IndexOutOfRangeException" or "ArgumentOutOfRangeException";

    public RuleResult? Apply(CrashSite site, CancellationToken cancellationToken)
    {
        var source = site.Throwing;
        var model = source.SemanticModel;
        var evidence = new List<Evidence> { RuleKit.ThrowingLine(source) };
        var rootCause = "An index outside the collection's bounds was used.";

        if (LoopBound(source, evidence) is { } loop)
        {
            return loop;
        }

        if (Substring(source, site.Exception.Value ?? "", evidence, cancellationToken) is { } substring)
        {
            return substring;
        }

        var accesses = RuleKit.OnLine<ElementAccessExpressionSyntax>(source)
            .Where(e => e.ArgumentList.Arguments.Count == 1 && IsIndexable(model.GetTypeInfo(e.Expression, cancellationToken).Type))
            .ToList();
        if (accesses.Count != 1)
        {
            return RuleResult.Decline(rootCause,
                accesses.Count == 0 ? "no indexing or Substring call whose bound can be inferred was found on the throwing line"
                    : "several indexers share the throwing line, so the one out of range is unclear", [.. evidence]);
        }

        var access = accesses[0];
        var receiver = access.Expression;
        var index = ExitPaths.Unparenthesize(access.ArgumentList.Arguments[0].Expression);
        var size = SizeName(model.GetTypeInfo(receiver, cancellationToken).Type);
        rootCause = $"`{access}` reads past the end of `{receiver}`.";

        // `list[list.Count]`: the last element was meant.
        if (index is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Count" or "Length" } end
            && SyntaxFactory.AreEquivalent(end.Expression, receiver, topLevel: false))
        {
            return RuleKit.Fix(rootCause + $" `{index}` is one past the last index.", "Indexing with the collection's size, which is one past its last element.",
                "off-by-one", [(0.5, "the index is the collection's own size"), (0.2, "the last element is the only valid reading")],
                evidence, RuleKit.Edit(source, new TextChange(index.Span, $"{index} - 1")));
        }

        if (model.GetConstantValue(index, cancellationToken) is { HasValue: true, Value: int position } && position >= 0 && RuleKit.IsSimple(receiver) && size is not null)
        {
            var statement = RuleKit.GuardableStatement(access);
            if (source.Member is null || statement is null || !RuleKit.AlwaysEvaluated(access, statement))
            {
                return RuleResult.Decline(rootCause, "the indexing is not a plain statement of a block, so no guard can be placed before it", [.. evidence]);
            }

            rootCause += $" `{receiver}` can have fewer than {position + 1} element(s).";
            var query = new IntentQuery(FailureCondition.IndexPastEnd, site, source, access)
            {
                Anchor = statement,
                Symbol = model.GetSymbolInfo(receiver, cancellationToken).Symbol,
                ValueType = model.GetTypeInfo(access, cancellationToken).Type,
            };
            var intent = IntentAnalysis.Collect(query, cancellationToken);
            var test = position == 0 ? $"{receiver}.{size} == 0" : $"{receiver}.{size} < {position + 1}";
            var whyNot = new List<string>();
            var candidates = IntentFixes.Statements(intent, source.Member, statement, model, null, whyNot)
                .Select(exit => RuleCandidate.Scored("length-guard", $"guard `{test}` and {exit.Outcome.Describe()}", exit.Outcome, 0.45,
                    "fixed index into a collection of variable size", intent,
                    [RuleKit.Edit(source, RuleKit.InsertBefore(source, statement, FileStyle.Of(source.Root).Guard(RuleKit.Indent(source, statement), test, exit.Statement)))],
                    IntentFixes.EvidenceOf(intent.Supporting(exit.Outcome)),
                    why: "A fixed index into a collection that can be shorter; the code says what 'nothing there' means."));
            return CandidateChoice.Choose(rootCause, candidates, evidence, intent, IntentFixes.NothingNamed(intent, whyNot, "the collection is too short"));
        }

        // `items[number]` where the method's own `<param>` calls `number` 1-based: the zero-based position is `number - 1`.
        if (index is IdentifierNameSyntax name && model.GetSymbolInfo(name, cancellationToken).Symbol is IParameterSymbol parameter
            && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, model.GetEnclosingSymbol(access.SpanStart, cancellationToken))
            && OneBasedParameter(parameter) is { } documented)
        {
            var (path, line) = new IntentLocator(source).Locate(documented.Node);
            evidence.Add(new Evidence(path, line, documented.Text, "the parameter's documentation"));
            return RuleKit.Fix(rootCause + $" `{name}` is documented as 1-based, and `{receiver}` is indexed from 0.",
                "A 1-based number used as a 0-based index: every position reads the next element and the last one is past the end.",
                "off-by-one", [(0.5, "the index is a parameter of the method"), (0.35, $"its documentation says it is 1-based: {documented.Text}")],
                evidence, RuleKit.Edit(source, new TextChange(index.Span, $"{index} - 1")));
        }

        return RuleResult.Decline(rootCause, "the index comes from data whose valid range the code does not state, so the intended index is unclear", [.. evidence]);
    }

    /// <summary>The parameter's <c>&lt;param&gt;</c> element when it says the number counts from 1 ("1-based", "numbered from 1").</summary>
    private static (SyntaxNode Node, string Text)? OneBasedParameter(IParameterSymbol parameter)
    {
        var declaration = parameter.ContainingSymbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
        var comment = declaration?.GetLeadingTrivia().Select(t => t.GetStructure()).OfType<DocumentationCommentTriviaSyntax>().LastOrDefault();
        var element = comment?.Content.OfType<XmlElementSyntax>().FirstOrDefault(e => e.StartTag.Name.LocalName.ValueText == "param"
            && e.StartTag.Attributes.OfType<XmlNameAttributeSyntax>().Any(a => a.Identifier.Identifier.ValueText == parameter.Name));
        if (element is null)
        {
            return null;
        }

        var text = Regex.Replace(string.Concat(element.Content.Select(c => c.ToString())).Replace("///", " ", StringComparison.Ordinal), @"\s+", " ").Trim();
        return OneBased().IsMatch(text) && !ZeroBased().IsMatch(text) ? (element, text.Length > 120 ? text[..117] + "..." : text) : null;
    }

    [GeneratedRegex(@"(?i)\b(1-based|one-based|numbered from (1|one)|counting from (1|one)|starting (at|from) (1|one)|1 for the first|1 is the first)\b")]
    private static partial Regex OneBased();

    [GeneratedRegex(@"(?i)\b(0-based|zero-based|index)\b")]
    private static partial Regex ZeroBased();

    /// <summary><c>for (i = 0; i &lt;= a.Length; i++)</c> around <c>a[i]</c>, or <c>a[i + 1]</c> in a loop up to <c>a.Count</c>.</summary>
    private static RuleResult? LoopBound(LinkedSource source, List<Evidence> evidence)
    {
        var enclosing = (source.Root.FindToken(source.LineSpan.Start).Parent?.AncestorsAndSelf().OfType<ForStatementSyntax>() ?? [])
            .Where(l => l.Span.IntersectsWith(source.LineSpan)).ToList();
        if (LoopBound(source, enclosing, evidence, shifted: false) is { } onLine)
        {
            return onLine;
        }

        // Optimised builds may report an earlier statement of the method: a single off-by-one loop in it is the one.
        if (enclosing.Count > 0 || source.Member is null)
        {
            return null;
        }

        var inMethod = source.Member.DescendantNodes(n => n == source.Member || !SourceLocator.IsMember(n)).OfType<ForStatementSyntax>()
            .Where(l => l.SpanStart > source.LineSpan.End).ToList();
        var found = inMethod.Select(l => LoopBound(source, [l], new List<Evidence>(evidence), shifted: true)).OfType<RuleResult>().ToList();
        return found.Count == 1 ? found[0] : null;
    }

    private static RuleResult? LoopBound(LinkedSource source, List<ForStatementSyntax> loops, List<Evidence> evidence, bool shifted)
    {
        foreach (var loop in loops)
        {
            if (ExitPaths.Unparenthesize(loop.Condition ?? SyntaxFactory.IdentifierName("_")) is not BinaryExpressionSyntax condition
                || condition.Left is not IdentifierNameSyntax counter
                || condition.Right is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Count" or "Length" } bound)
            {
                continue;
            }

            // A loop from 1 to Count may be a one-based loop whose indexing is what is off; only a loop from 0 is clear.
            var start = loop.Declaration?.Variables.FirstOrDefault(v => v.Identifier.ValueText == counter.Identifier.ValueText)?.Initializer?.Value
                ?? loop.Initializers.OfType<AssignmentExpressionSyntax>().FirstOrDefault(a => a.Left is IdentifierNameSyntax id && id.Identifier.ValueText == counter.Identifier.ValueText)?.Right;
            if (start is not LiteralExpressionSyntax { Token.ValueText: "0" or "1" } startLiteral)
            {
                continue;
            }

            var collection = bound.Expression;
            var indexes = loop.Statement.DescendantNodes().OfType<ElementAccessExpressionSyntax>()
                .Where(e => SyntaxFactory.AreEquivalent(e.Expression, collection, topLevel: false) && e.ArgumentList.Arguments.Count == 1)
                .Select(e => ExitPaths.Unparenthesize(e.ArgumentList.Arguments[0].Expression))
                .ToList();
            var plain = indexes.Count(i => i is IdentifierNameSyntax id && id.Identifier.ValueText == counter.Identifier.ValueText);
            var next = indexes.Count(i => i is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression, Left: IdentifierNameSyntax id, Right: LiteralExpressionSyntax { Token.ValueText: "1" } }
                && id.Identifier.ValueText == counter.Identifier.ValueText);
            var previous = indexes.Count(i => i is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.SubtractExpression, Left: IdentifierNameSyntax id, Right: LiteralExpressionSyntax { Token.ValueText: "1" } }
                && id.Identifier.ValueText == counter.Identifier.ValueText);
            if (indexes.Count == 0 || plain + next + previous != indexes.Count)
            {
                continue;
            }

            // From 0 the indexing is zero-based; from 1 only when the body also reads `x[i - 1]`, which then reaches index 0.
            var zeroBased = startLiteral.Token.ValueText == "0" ? previous == 0 : previous > 0 && next == 0;
            if (!zeroBased)
            {
                continue;
            }

            evidence.Add(RuleKit.Evidence(source, loop, "loop bound"));
            if (condition.IsKind(SyntaxKind.LessThanOrEqualExpression) && next == 0)
            {
                var reasons = new List<(double, string)>
                {
                    (0.6, "`<=` against the size of the indexed collection"),
                    (0.3, previous == 0 ? "every index in the body is the loop counter" : "the body reads the counter and the element before it, so the indexing is zero-based"),
                };
                if (shifted)
                {
                    reasons.Add((-0.1, "the reported line is an earlier statement of the method; this is the method's only loop bounded that way"));
                }

                return RuleKit.Fix($"The loop runs `{counter}` up to and including `{bound}`, one past the last index of `{collection}`.",
                    "A `for` loop bounded with `<=` by the size of the collection it indexes: the last iteration reads one past the end.",
                    "off-by-one", reasons, evidence, RuleKit.Edit(source, new TextChange(condition.OperatorToken.Span, "<")));
            }

            if (condition.IsKind(SyntaxKind.LessThanExpression) && next > 0 && !shifted)
            {
                return RuleKit.Fix($"The loop reads `{collection}[{counter} + 1]` while `{counter}` runs to the last index of `{collection}`, so the last iteration reads one past the end.",
                    "A pairwise loop (`x[i]` with `x[i + 1]`) bounded by the full size instead of one less.",
                    "off-by-one", [(0.55, "the body reads the next element"), (0.3, "every index in the body is the counter or the counter plus one")],
                    evidence, RuleKit.Edit(source, new TextChange(bound.Span, $"{bound} - 1")));
            }
        }

        return null;
    }

    /// <summary><c>s.Substring(start, length)</c> past the end where the names say the text is being shortened.</summary>
    private static RuleResult? Substring(LinkedSource source, string message, List<Evidence> evidence, CancellationToken cancellationToken)
    {
        var model = source.SemanticModel;
        var call = RuleKit.OnLine<InvocationExpressionSyntax>(source)
            .FirstOrDefault(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Substring" } m
                && model.GetTypeInfo(m.Expression, cancellationToken).Type?.SpecialType == SpecialType.System_String);
        if (call is null)
        {
            return null;
        }

        if (NotFoundIndex.Fix(source, call, evidence, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        var text = ((MemberAccessExpressionSyntax)call.Expression).Expression;
        var rootCause = $"`{call}` asks for characters past the end of `{text}`.";
        if (call.ArgumentList.Arguments.Count != 2 || !RuleKit.IsSimple(text))
        {
            return RuleResult.Decline(rootCause, "the substring's intended bounds are not evident", [.. evidence]);
        }

        var start = call.ArgumentList.Arguments[0].Expression;
        var length = call.ArgumentList.Arguments[1].Expression;
        // A length that was negative is not "past the end": capping it at the text's length leaves it negative, and what a
        // too-small length should produce (nothing, the text cut without its suffix…) is not something a clamp decides.
        if (NegativeArgument().IsMatch(message))
        {
            return RuleResult.Decline($"`{call}` was given a negative length (`{length}`).",
                "the length was negative, so capping it at the text's length would not make it valid, and nothing here picks what a too-small length should produce", [.. evidence]);
        }

        // Only a name says what a length is for; a computed length (`max - suffix.Length`) names its operands, not its purpose.
        var names = new List<string?> { length is IdentifierNameSyntax or MemberAccessExpressionSyntax ? length.ToString() : null, (source.Member as MethodDeclarationSyntax)?.Identifier.ValueText };
        names.Add(call.FirstAncestorOrSelf<VariableDeclaratorSyntax>()?.Identifier.ValueText);
        if (model.GetSymbolInfo(length, cancellationToken).Symbol is { } symbol)
        {
            names.Add(symbol.Name);
        }

        var intent = names.OfType<string>().FirstOrDefault(n => ShorteningIntent().IsMatch(n));
        if (intent is null)
        {
            return RuleResult.Decline(rootCause, "nothing says the text is meant to be cut to a maximum length, so clamping could hide a wrong offset", [.. evidence]);
        }

        var math = RuleKit.Binds(model, call.SpanStart, "Math.Min(1, 2)") ? "Math" : "System.Math";
        var available = model.GetConstantValue(start, cancellationToken) is { HasValue: true, Value: 0 } ? $"{text}.Length" : $"{text}.Length - {start}";
        return RuleKit.Fix(rootCause, $"`Substring` with a fixed length where `{intent}` says the text is being shortened: texts shorter than that must come back whole.",
            "clamp-length", [(0.5, "Substring length past the end of the text"), (0.3, $"`{intent}` states a maximum-length intent")],
            evidence, RuleKit.Edit(source, new TextChange(length.Span, $"{math}.Min({length}, {available})")));
    }

    private static bool IsIndexable(ITypeSymbol? type) =>
        type is IArrayTypeSymbol || type?.SpecialType == SpecialType.System_String || SizeName(type) == "Count";

    private static string? SizeName(ITypeSymbol? type) => type switch
    {
        IArrayTypeSymbol => "Length",
        { SpecialType: SpecialType.System_String } => "Length",
        null => null,
        _ when type.GetMembers("TryGetValue").Any() => null,
        _ when type.GetMembers("Count").OfType<IPropertySymbol>().Any() || type.AllInterfaces.Any(i => i.Name is "ICollection" or "IReadOnlyCollection") => "Count",
        _ => null,
    };

    /// <summary>The base library's wording for a negative argument: "Actual value was -1", "('-1') must be a non-negative value", "cannot be less than zero".</summary>
    [GeneratedRegex(@"Actual value was -\d|\('-\d+'\) must be a non-negative|cannot be less than zero")]
    private static partial Regex NegativeArgument();

    [GeneratedRegex(@"(?i)(preview|truncat|max|limit|short|summary|excerpt|abbrev|snippet|clip|teaser|headline)")]
    private static partial Regex ShorteningIntent();
}
