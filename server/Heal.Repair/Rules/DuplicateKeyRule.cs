using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Rules;

/// <summary>
/// "An item with the same key has already been added": <c>Dictionary.Add</c>, <c>ToDictionary</c> or a dictionary's
/// collection initializer met a key twice. Which entry should stand is the code's contract, not a pattern: the
/// documentation of the method, its type, the dictionary or the source of the entries says the last one wins
/// (<c>d[k] = v</c>; <c>GroupBy(key).Select(g =&gt; g.Last())</c> before <c>ToDictionary</c>), the first one wins
/// (<c>TryAdd</c>; <c>DistinctBy(key)</c>), or duplicates are an error (the exception is intended: decline); failing that,
/// the type's other writes to the same dictionary show the convention (an indexer assignment, <c>TryAdd</c>). Values that
/// merge, a literal key listed twice, or nothing said: decline.
/// </summary>
/// <remarks>
/// Claims only the duplicate-key shape (a dictionary insert on the throwing line); other <c>ArgumentException</c>s are
/// left to <see cref="ArgumentGuardRule"/> and <see cref="LibraryArgumentRule"/> (null).
/// </remarks>
public sealed partial class DuplicateKeyRule : ICrashRule
{
    private enum Winner
    {
        Last,
        First,
        Merge,
        Error,
    }

    public string Id => "duplicate-key";

    /// <summary>Its first patch on a held-out crash (2026-12-08) was wrong: its fixes are candidates only.</summary>
    public bool OnProbation => true;

    public bool Matches(CrashSite site) =>
        site.ExceptionName == "ArgumentException"
        && (site.Exception.Value?.Contains("same key has already been added", StringComparison.Ordinal) == true
            || site.Exception.Frames.Any(f => f.InApp != true && f.Function?.Contains("AddingDuplicate", StringComparison.Ordinal) == true));

    public RuleResult? Apply(CrashSite site, CancellationToken cancellationToken)
    {
        var source = site.Throwing;
        var model = source.SemanticModel;
        var insert = LineCode.Nodes(source).Select(n => Insert(n, model, cancellationToken)).FirstOrDefault(i => i is not null);
        if (insert is null)
        {
            return null;
        }

        var (node, kind, dictionary, entries) = insert.Value;
        var evidence = new List<Evidence> { RuleKit.ThrowingLine(source) };
        var rootCause = $"`{Shorten(node.ToString())}` meets a key that is already in the dictionary, and {kind} throws on a duplicate key.";
        if (kind == "a collection initializer")
        {
            return RuleResult.Decline(rootCause, "the initializer lists the same key twice in the code itself; which entry is right is the owner's decision", [.. evidence]);
        }

        var locator = new IntentLocator(source);
        var documented = new List<ISymbol?> { source.Member is null ? null : model.GetDeclaredSymbol(source.Member, cancellationToken) };
        documented.Add(documented[0]?.ContainingType);
        documented.Add(dictionary);
        documented.Add(entries);
        var said = Said(documented.OfType<ISymbol>(), locator);
        evidence.AddRange(said.Select(s => s.Sentence.ToEvidence("says what happens to a duplicate key")));
        var winners = said.Select(s => s.Winner).Distinct().ToList();
        if (winners.Count > 1)
        {
            return RuleResult.Decline(rootCause, "the documentation says different things about a duplicate key", [.. evidence]);
        }

        var stated = winners.Count == 1;
        var winner = stated ? winners[0] : Convention(dictionary, node, model, evidence, source, cancellationToken);
        switch (winner)
        {
            case null:
                return RuleResult.Decline(rootCause,
                    "nothing in the documentation or in the type's other writes to the dictionary says whether the first entry, the last one or neither should stand for a duplicate key",
                    [.. evidence]);
            case Winner.Error:
                return RuleResult.Decline(rootCause, "the documentation says a duplicate key is an error, so the exception is the intended behaviour; the data that repeats the key needs a person", [.. evidence]);
            case Winner.Merge:
                return RuleResult.Decline(rootCause, "the documentation says entries with the same key are combined, which this rule does not write", [.. evidence]);
        }

        var change = winner == Winner.Last ? LastWins(node, model) : FirstWins(node, model);
        if (change is null)
        {
            return RuleResult.Decline(rootCause, $"the {(winner == Winner.Last ? "last" : "first")} entry should win, but `{Shorten(node.ToString())}` cannot be rewritten to keep it", [.. evidence]);
        }

        var changes = new List<TextChange> { change.Value };
        if (kind == "ToDictionary" && !RuleKit.Binds(model, node.SpanStart, "new int[0].GroupBy(x => x)") && RuleKit.UsingLinq(source) is { } usingLinq)
        {
            changes.Add(usingLinq);
        }

        var which = winner == Winner.Last ? "the last entry for a key wins" : "the first entry for a key wins";
        var reasons = new List<(double, string)> { (0.45, $"{kind} throws on a duplicate key") };
        reasons.Add(stated
            ? (0.35, $"the documentation says {which}: {said[0].Sentence.Text}")
            : (0.2, $"the type's other writes to `{dictionary?.Name}` let {which.Replace("the ", "", StringComparison.Ordinal)}"));
        var fix = RuleKit.Fix(rootCause, $"A dictionary insert that throws on a duplicate key where {which}.",
            winner == Winner.Last ? "duplicate-key-last-wins" : "duplicate-key-first-wins", reasons, evidence, RuleKit.Edit(source, [.. changes]));
        return fix with { Intent = [.. said.Select(s => s.Sentence.ToSignal(null))] };
    }

    /// <summary>
    /// The insert at <paramref name="node"/>: an <c>Add</c> on a dictionary, a <c>ToDictionary</c>-like call, or a dictionary's
    /// initializer; with the dictionary's symbol (field, property, local, parameter) and the symbol the entries come from.
    /// </summary>
    private static (SyntaxNode Node, string Kind, ISymbol? Dictionary, ISymbol? Entries)? Insert(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call
            && model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol method)
        {
            if (method.Name == "Add" && method.Parameters.Length == 2 && IsDictionary(method.ContainingType))
            {
                var entries = call.FirstAncestorOrSelf<ForEachStatementSyntax>() is { } loop ? model.GetSymbolInfo(loop.Expression, cancellationToken).Symbol : null;
                return (call, $"`{method.ContainingType.Name}.Add`", model.GetSymbolInfo(access.Expression, cancellationToken).Symbol, entries);
            }

            if (method.Name is "ToDictionary" or "ToImmutableDictionary" or "ToFrozenDictionary" or "ToSortedDictionary" && method.IsExtensionMethod)
            {
                return (call, method.Name, null, model.GetSymbolInfo(Root(access.Expression), cancellationToken).Symbol);
            }
        }

        if (node is BaseObjectCreationExpressionSyntax { Initializer: { } initializer } creation && initializer.Expressions.Any(e => e is InitializerExpressionSyntax)
            && model.GetTypeInfo(creation, cancellationToken).Type is INamedTypeSymbol created && IsDictionary(created))
        {
            return (creation, "a collection initializer", null, null);
        }

        return null;
    }

    /// <summary>The variable a query chain starts from: <c>rows</c> in <c>rows.Where(…).ToDictionary(…)</c>.</summary>
    private static ExpressionSyntax Root(ExpressionSyntax expression)
    {
        while (expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax inner })
        {
            expression = inner.Expression;
        }

        return expression;
    }

    private static bool IsDictionary(INamedTypeSymbol type) =>
        type.OriginalDefinition.ToDisplayString().StartsWith("System.Collections.Generic.IDictionary<", StringComparison.Ordinal)
        || type.AllInterfaces.Any(i => i.OriginalDefinition.ToDisplayString().StartsWith("System.Collections.Generic.IDictionary<", StringComparison.Ordinal));

    /// <summary>The documented sentences that speak of a duplicate key, each with the entry it says should stand.</summary>
    private static List<(DocSentence Sentence, Winner Winner)> Said(IEnumerable<ISymbol> documented, IntentLocator locator)
    {
        var found = new List<(DocSentence, Winner)>();
        foreach (var sentence in documented.Distinct(SymbolEqualityComparer.Default).SelectMany(s => DocSentences.Of(s!, locator)))
        {
            var text = sentence.Text;
            if (!Duplicate().IsMatch(text))
            {
                continue;
            }

            var stances = new List<Winner>();
            if (LastWinsCue().IsMatch(text))
            {
                stances.Add(Winner.Last);
            }

            if (FirstWinsCue().IsMatch(text))
            {
                stances.Add(Winner.First);
            }

            if (MergeCue().IsMatch(text))
            {
                stances.Add(Winner.Merge);
            }

            if (stances.Count == 0 && (ErrorCue().IsMatch(text) || sentence.Element == "exception"))
            {
                stances.Add(Winner.Error);
            }

            if (stances.Count == 1)
            {
                found.Add((sentence, stances[0]));
            }
        }

        return found;
    }

    /// <summary>
    /// How the type's other code writes to the same dictionary: indexer assignments only (the last wins), or <c>TryAdd</c>
    /// / an <c>Add</c> behind a <c>ContainsKey</c> test only (the first wins). Null when it does not, or disagrees.
    /// </summary>
    private static Winner? Convention(ISymbol? dictionary, SyntaxNode insert, SemanticModel model, List<Evidence> evidence, LinkedSource source, CancellationToken cancellationToken)
    {
        if (dictionary is not (IFieldSymbol or IPropertySymbol) || insert.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type)
        {
            return null;
        }

        bool Is(ExpressionSyntax e) => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(e, cancellationToken).Symbol, dictionary);
        var last = type.DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .Where(a => a.Left is ElementAccessExpressionSyntax element && Is(element.Expression) && a.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleAssignmentExpression))
            .Cast<SyntaxNode>().ToList();
        var first = type.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => i != insert && i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } access && Is(access.Expression)
                && (name == "TryAdd" || name == "Add" && i.Ancestors().OfType<IfStatementSyntax>().Any(f => f.Condition.ToString().Contains("ContainsKey", StringComparison.Ordinal))))
            .Cast<SyntaxNode>().ToList();
        if (last.Count > 0 == first.Count > 0)
        {
            return null;
        }

        var precedent = last.Count > 0 ? last[0] : first[0];
        evidence.Add(RuleKit.Evidence(source, precedent, "another write to the same dictionary"));
        return last.Count > 0 ? Winner.Last : Winner.First;
    }

    /// <summary><c>d.Add(k, v);</c> → <c>d[k] = v;</c>; <c>ToDictionary(key…)</c> → <c>GroupBy(key).Select(g =&gt; g.Last()).ToDictionary(key…)</c>.</summary>
    private static TextChange? LastWins(SyntaxNode node, SemanticModel model)
    {
        if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call)
        {
            return null;
        }

        if (access.Name.Identifier.ValueText == "Add")
        {
            return call.Parent is ExpressionStatementSyntax && call.ArgumentList.Arguments is [var key, var value]
                ? new TextChange(call.Span, $"{access.Expression}[{key}] = {value}")
                : null;
        }

        return KeySelector(call, model) is { } selector
            ? new TextChange(new TextSpan(access.OperatorToken.SpanStart, 0), $".GroupBy({selector}).Select({Group(call, model)} => {Group(call, model)}.Last())")
            : null;
    }

    /// <summary><c>d.Add(k, v);</c> → <c>d.TryAdd(k, v);</c>; <c>ToDictionary(key…)</c> → <c>DistinctBy(key).ToDictionary(key…)</c>.</summary>
    private static TextChange? FirstWins(SyntaxNode node, SemanticModel model)
    {
        if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call)
        {
            return null;
        }

        if (access.Name.Identifier.ValueText == "Add")
        {
            return call.Parent is ExpressionStatementSyntax && RuleKit.Binds(model, call.SpanStart, $"{access.Expression}.TryAdd({call.ArgumentList.Arguments})")
                ? new TextChange(access.Name.Span, "TryAdd")
                : null;
        }

        if (KeySelector(call, model) is not { } selector)
        {
            return null;
        }

        return RuleKit.Binds(model, call.SpanStart, $"{access.Expression}.DistinctBy({selector})")
            ? new TextChange(new TextSpan(access.OperatorToken.SpanStart, 0), $".DistinctBy({selector})")
            : new TextChange(new TextSpan(access.OperatorToken.SpanStart, 0), $".GroupBy({selector}).Select({Group(call, model)} => {Group(call, model)}.First())");
    }

    /// <summary>The key selector argument (a lambda or a method group), which evaluating twice cannot change.</summary>
    private static string? KeySelector(InvocationExpressionSyntax call, SemanticModel model)
    {
        if (model.GetSymbolInfo(call).Symbol is not IMethodSymbol method)
        {
            return null;
        }

        var parameters = method.ReducedFrom is { } reduced ? reduced.Parameters.Skip(1).ToList() : method.Parameters.ToList();
        for (var i = 0; i < call.ArgumentList.Arguments.Count; i++)
        {
            var argument = call.ArgumentList.Arguments[i];
            var parameter = argument.NameColon is { } named ? parameters.FirstOrDefault(p => p.Name == named.Name.Identifier.ValueText) : i < parameters.Count ? parameters[i] : null;
            if (parameter?.Name == "keySelector")
            {
                return argument.Expression is LambdaExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax ? argument.Expression.ToString() : null;
            }
        }

        return null;
    }

    private static string Group(InvocationExpressionSyntax call, SemanticModel model) =>
        RuleKit.FreeName(model, call.SpanStart, "group", call.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? (SyntaxNode)call);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";

    [GeneratedRegex(@"\b(duplicat\w*|more than once|twice|repeat\w*|same (key|\w+) (again|twice)|already (present|exists|there|added|registered|listed|in)|collid\w*|collisions?|clash\w*|unique)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Duplicate();

    [GeneratedRegex(@"\b(last|later|latest|newest|most recent|final)\b[^.;]*\b(wins?|overrides?|overwrites?|replaces?|supersedes?|takes? precedence|is kept|is used|applies|counts)\b|\b(overwrit\w*|replac\w*|supersed\w*) (the |an? )?(earlier|previous|existing|older|first)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LastWinsCue();

    [GeneratedRegex(@"\b(first|earlier|earliest|existing|original)\b[^.;]*\b(wins?|is kept|are kept|takes? precedence|is used|applies|counts|stays)\b|\b(later|subsequent|further|other)\b[^.;]*\b(ignored|skipped|dropped|discarded)\b|\bduplicates? (are|is) (ignored|skipped|dropped)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FirstWinsCue();

    [GeneratedRegex(@"\b(summed|added together|combined|merged|aggregated|accumulated|totall?ed)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MergeCue();

    [GeneratedRegex(@"\b(error|invalid|not allowed|rejected|refused|must be unique|must not|never)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorCue();
}
