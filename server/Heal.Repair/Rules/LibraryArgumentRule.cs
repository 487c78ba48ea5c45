using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Rules;

/// <summary>
/// The <c>ArgumentException</c> family thrown by the base library's own argument validation, for the few shapes whose
/// intended behaviour the code itself shows:
/// <list type="bullet">
/// <item><c>Enum.Parse</c> of unknown text: the TryParse fix of <see cref="FormatRule"/>;</item>
/// <item>calendar arithmetic in a constructor (<c>new DateTime(d.Year, d.Month + 1, 1)</c>): the calendar method that
/// rolls over (<c>AddMonths</c>), also when "next month" is rolled by hand through locals (<see cref="CalendarRollover"/>);</item>
/// <item>a count or width computed as a difference (<c>new string(' ', width - text.Length)</c>): a negative difference
/// means nothing to add;</item>
/// <item><c>Substring(0, length - suffix.Length)</c> where the suffix is documented to be added only when it fits
/// (<see cref="AppendedWhenItFits"/>);</item>
/// <item>a delay computed as the time left until a moment that already passed: no wait;</item>
/// <item><c>Dictionary.Add</c> of a key already present, when the type writes the same dictionary elsewhere in one agreed
/// way (the indexer, or <c>TryAdd</c>).</item>
/// </list>
/// Anything else is not this rule's: <see cref="IndexRangeRule"/> and <see cref="ArgumentNullRule"/> come after it.
/// </summary>
public sealed partial class LibraryArgumentRule : ICrashRule
{
    private static readonly HashSet<string> s_countParameters = new(StringComparer.Ordinal) { "count", "repeatCount", "totalWidth" };

    private static readonly HashSet<string> s_delayParameters = new(StringComparer.Ordinal) { "delay", "millisecondsDelay", "millisecondsTimeout", "timeout", "dueTime" };

    public string Id => "library-argument";

    public bool Matches(CrashSite site) => site.ExceptionName is "ArgumentException" or "ArgumentOutOfRangeException";

    public RuleResult? Apply(CrashSite site, CancellationToken cancellationToken)
    {
        var source = site.Throwing;
        var model = source.SemanticModel;
        var calls = LineCode.Nodes(source)
            .Where(n => n is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax)
            .Where(n => model.GetSymbolInfo(n, cancellationToken).Symbol is IMethodSymbol { Locations: var locations } && locations.All(l => l.IsInMetadata))
            .ToList();
        var called = CalledLibraryMethod.Of(site);
        if (called is not null)
        {
            var named = calls.Where(c => model.GetSymbolInfo(c, cancellationToken).Symbol is IMethodSymbol m && called.Is(m.ReducedFrom ?? m)).ToList();
            calls = named.Count > 0 ? named : calls;
        }

        var evidence = new List<Evidence> { RuleKit.ThrowingLine(source) };
        var message = site.Exception.Value ?? "";
        if (message.StartsWith("Requested value", StringComparison.Ordinal) && calls.Any(c => IsMethod(c, model, "Enum", "Parse")))
        {
            return FormatRule.FixThrowingParse(site, cancellationToken);
        }

        if (message.StartsWith("An item with the same key has already been added", StringComparison.Ordinal))
        {
            return DuplicateKey(source, calls, evidence, cancellationToken);
        }

        // A suffix documented to be added only when it fits, subtracted although it does not.
        if (AppendedWhenItFits.Apply(source, evidence, cancellationToken) is { } fitted)
        {
            return fitted;
        }

        var parameter = GuardClauses.ParameterName(message);
        foreach (var call in calls)
        {
            var result = Calendar(source, call, evidence, cancellationToken)
                ?? Count(source, call, parameter, evidence, cancellationToken)
                ?? Delay(source, call, parameter, evidence, cancellationToken)
                ?? Range(source, call, evidence, cancellationToken);
            if (result is not null)
            {
                return result;
            }
        }

        return CalendarRollover.Apply(source, called is null || called.TypeName is "DateOnly" or "DateTime", evidence, cancellationToken);
    }

    /// <summary><c>new DateTime(d.Year, d.Month + k, …)</c>: the calendar method that rolls months and years over.</summary>
    private static RuleResult? Calendar(LinkedSource source, SyntaxNode call, List<Evidence> evidence, CancellationToken cancellationToken)
    {
        var model = source.SemanticModel;
        if (call is not BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 3 } arguments } creation
            || model.GetTypeInfo(creation, cancellationToken).Type is not { } type || !ForeignFormat.IsDateType(type) || type.Name == "DateTimeOffset")
        {
            return null;
        }

        var year = ExitPaths.Unparenthesize(arguments[0].Expression);
        var month = ExitPaths.Unparenthesize(arguments[1].Expression);
        var day = ExitPaths.Unparenthesize(arguments[2].Expression);
        var date = PartOf(year, "Year", model) ?? PartOf(month, "Month", model);
        if (date is null || !RuleKit.IsSimple(date))
        {
            return null;
        }

        var isDateTime = type.SpecialType == SpecialType.System_DateTime;
        var whole = isDateTime && model.GetTypeInfo(date, cancellationToken).Type?.SpecialType == SpecialType.System_DateTime ? $"{date}.Date" : date.ToString();
        string? replacement = null;
        string? reason = null;
        double confidence = 0;
        if (Same(year, date, "Year") && Shift(month, date, "Month") is { } months)
        {
            if (day is LiteralExpressionSyntax { Token.ValueText: "1" } && creation is ObjectCreationExpressionSyntax)
            {
                replacement = $"new {((ObjectCreationExpressionSyntax)creation).Type}({year}, {date}.Month, 1).AddMonths({months})";
                reason = "the first of a month plus whole months is what AddMonths computes, and it rolls over into the next year";
                confidence = 0.85;
            }
            else if (Same(day, date, "Day") && SameType(date, type, model))
            {
                replacement = $"{whole}.AddMonths({months})";
                reason = "the same day some months later is what AddMonths computes; it rolls over the year and keeps the day within the month";
                confidence = 0.7;
            }
        }
        else if (Shift(year, date, "Year") is { } years && Same(month, date, "Month") && Same(day, date, "Day") && SameType(date, type, model))
        {
            replacement = $"{whole}.AddYears({years})";
            reason = "the same day some years later is what AddYears computes, including 29 February";
            confidence = 0.7;
        }

        if (replacement is null)
        {
            return null;
        }

        return RuleKit.Fix($"`{creation}` builds a date from calendar parts with arithmetic on them, which produces a month or day that does not exist (month 13, 29 February in another year).",
            "Calendar arithmetic done on the parts of a date instead of with the calendar methods that roll over.", "calendar-arithmetic",
            [(0.3, "the date is rebuilt from the parts of another date with one part shifted"), (confidence - 0.3, reason!)],
            evidence, RuleKit.Edit(source, new TextChange(creation.Span, replacement)));
    }

    /// <summary><c>new string(' ', width - text.Length)</c> and other counts computed as a difference: a negative difference is nothing.</summary>
    private static RuleResult? Count(LinkedSource source, SyntaxNode call, string? parameter, List<Evidence> evidence, CancellationToken cancellationToken)
    {
        var model = source.SemanticModel;
        if (parameter is null || !s_countParameters.Contains(parameter) || IsMethod(call, model, "String", "Substring")
            || CallSites.ArgumentOf(call, model, parameter) is not { } argument
            || ExitPaths.Unparenthesize(argument) is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.SubtractExpression } difference
            || model.GetTypeInfo(difference, cancellationToken).Type?.SpecialType != SpecialType.System_Int32)
        {
            return null;
        }

        var math = RuleKit.Binds(model, argument.SpanStart, "Math.Max(0, 1)") ? "Math" : "System.Math";
        return RuleKit.Fix($"`{argument}` is the `{parameter}` of `{Name(call, model)}`, and it is negative when the second operand is larger.",
            "A count computed as a difference: when it is negative there is nothing to add, which is a count of zero.", "clamp-count",
            [(0.4, $"`{parameter}` is computed as a difference"), (0.25, "a negative difference means nothing to add or repeat")],
            evidence, RuleKit.Edit(source, new TextChange(argument.Span, $"{math}.Max(0, {difference})")));
    }

    /// <summary><c>Task.Delay(due - DateTime.UtcNow)</c>: when the moment has passed, the wait is zero.</summary>
    private static RuleResult? Delay(LinkedSource source, SyntaxNode call, string? parameter, List<Evidence> evidence, CancellationToken cancellationToken)
    {
        var model = source.SemanticModel;
        if (parameter is null || !s_delayParameters.Contains(parameter) || CallSites.ArgumentOf(call, model, parameter) is not { } argument)
        {
            return null;
        }

        var value = ExitPaths.Unparenthesize(argument);
        var computed = value is IdentifierNameSyntax local && model.GetSymbolInfo(local, cancellationToken).Symbol is ILocalSymbol symbol
            && symbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initial }
                ? ExitPaths.Unparenthesize(initial)
                : value;
        if (computed is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.SubtractExpression } difference || !IsMoment(difference.Left, model) || !IsMoment(difference.Right, model))
        {
            return null;
        }

        var type = model.GetTypeInfo(argument, cancellationToken).Type;
        string replacement;
        if (type?.Name == "TimeSpan")
        {
            replacement = value is IdentifierNameSyntax ? $"{value} < TimeSpan.Zero ? TimeSpan.Zero : {value}" : $"TimeSpan.FromTicks(Math.Max(0, ({value}).Ticks))";
        }
        else if (type?.SpecialType == SpecialType.System_Int32)
        {
            replacement = $"Math.Max(0, {value})";
        }
        else
        {
            return null;
        }

        return RuleKit.Fix($"`{argument}` is the time left until a moment, and it is negative once that moment has passed; `{Name(call, model)}` rejects a negative wait.",
            "A wait computed as the time left until a moment: when the moment has already passed there is nothing to wait for.", "clamp-delay",
            [(0.4, "the wait is computed as the difference between two moments"), (0.3, "a moment already passed means no wait, not a crash")],
            evidence, RuleKit.Edit(source, new TextChange(argument.Span, replacement)));
    }

    /// <summary>
    /// <c>list.GetRange(index, count)</c> with a fixed count past the end, where the method's own documentation says the result may
    /// hold fewer ("the last page may be shorter", "up to", "whatever remains"): the count is capped at what is left.
    /// </summary>
    private static RuleResult? Range(LinkedSource source, SyntaxNode call, List<Evidence> evidence, CancellationToken cancellationToken)
    {
        var model = source.SemanticModel;
        if (call is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetRange" } access, ArgumentList.Arguments: [var first, var second] }
            || model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol { ContainingType.Name: "List" }
            || !RuleKit.IsSimple(access.Expression) || !RuleKit.IsSimple(first.Expression)
            || ExitPaths.Unparenthesize(second.Expression) is BinaryExpressionSyntax)
        {
            return null;
        }

        // Without that sentence a capped count could hide a wrong offset: not this rule's to fix.
        if (DocumentedShorter(source) is not { } shorter)
        {
            return null;
        }

        evidence.Add(RuleKit.Evidence(source, shorter.Node, "the documentation says the result may hold fewer"));
        var math = RuleKit.Binds(model, call.SpanStart, "Math.Min(1, 2)") ? "Math" : "System.Math";
        return RuleKit.Fix($"`{call}` asks for `{second.Expression}` elements of `{access.Expression}` from `{first.Expression}`, past its end.",
            "A range of fixed size taken where fewer elements remain, which the documentation says is a shorter result, not an error.", "clamp-count",
            [(0.45, "GetRange with a fixed count past the end"), (0.25, $"the documentation says the result may hold fewer: {shorter.Text}")],
            evidence, RuleKit.Edit(source, new TextChange(second.Expression.Span, $"{math}.Min({second.Expression}, {access.Expression}.Count - {first.Expression})")));
    }

    /// <summary>The sentence of the failing member's documentation saying its result may hold fewer than asked.</summary>
    private static (SyntaxNode Node, string Text)? DocumentedShorter(LinkedSource source)
    {
        var declaration = source.Member?.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().FirstOrDefault();
        var comment = declaration?.GetLeadingTrivia().Select(t => t.GetStructure()).OfType<DocumentationCommentTriviaSyntax>().LastOrDefault();
        if (comment is null)
        {
            return null;
        }

        var text = System.Text.RegularExpressions.Regex.Replace(comment.ToString().Replace("///", " ", StringComparison.Ordinal), @"<[^>]*(cref|name)=""([^""]*)""[^>]*/>", "$2");
        text = System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(text, "<[^>]+>", " "), @"\s+", " ").Trim();
        var sentence = System.Text.RegularExpressions.Regex.Split(text, @"(?<=[.;])\s").FirstOrDefault(s => ShorterWords().IsMatch(s));
        return sentence is null ? null : (comment, sentence.Length > 120 ? sentence[..117] + "..." : sentence);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(may be (shorter|smaller)|can be (shorter|smaller)|(may|can) hold fewer|fewer than|up to|whatever (remains|is left)|what remains)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ShorterWords();

    /// <summary><c>dictionary.Add(key, value)</c> of a key already there: the way the type writes the same dictionary elsewhere.</summary>
    private static RuleResult DuplicateKey(LinkedSource source, List<SyntaxNode> calls, List<Evidence> evidence, CancellationToken cancellationToken)
    {
        var model = source.SemanticModel;
        var rootCause = "A key that is already in the dictionary was added again.";
        var add = calls.OfType<InvocationExpressionSyntax>()
            .Where(c => c.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" } && c.ArgumentList.Arguments.Count == 2 && c.Parent is ExpressionStatementSyntax)
            .ToList();
        var access = add.Count == 1 ? add[0].Expression as MemberAccessExpressionSyntax : null;
        var dictionary = access is null ? null : model.GetSymbolInfo(access.Expression, cancellationToken).Symbol;
        if (access is null || dictionary is not (IFieldSymbol or IPropertySymbol))
        {
            return RuleResult.Decline(rootCause, "the duplicate comes from building a dictionary whose keys repeat, and nothing shows whether a repeated key should replace, keep or merge the first entry", [.. evidence]);
        }

        // How the type writes the same dictionary elsewhere: `d[k] = v` replaces, `d.TryAdd(k, v)` or a ContainsKey check keeps the first.
        var scope = NullReferenceRule.TypeScope(source);
        var replaces = new List<SyntaxNode>();
        var keeps = new List<SyntaxNode>();
        foreach (var node in scope.DescendantNodes())
        {
            if (node is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: ElementAccessExpressionSyntax element } assignment
                && SameSymbol(element.Expression, dictionary, model))
            {
                replaces.Add(assignment);
            }
            else if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "TryAdd" } tryAdd } && SameSymbol(tryAdd.Expression, dictionary, model))
            {
                keeps.Add(node);
            }
            else if (node is IfStatementSyntax { Condition: PrefixUnaryExpressionSyntax { Operand: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ContainsKey" } contains } } } guarded
                     && SameSymbol(contains.Expression, dictionary, model) && guarded.Statement.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" }))
            {
                keeps.Add(node);
            }
        }

        if (replaces.Count > 0 == keeps.Count > 0)
        {
            return RuleResult.Decline(rootCause, replaces.Count > 0
                ? $"the code both replaces entries of `{dictionary.Name}` and keeps the first one, so what a repeated key should do is unclear"
                : $"nothing shows whether a repeated key in `{dictionary.Name}` should replace the first entry, keep it, or be rejected", [.. evidence]);
        }

        var key = add[0].ArgumentList.Arguments[0].Expression;
        var value = add[0].ArgumentList.Arguments[1].Expression;
        var statement = (ExpressionStatementSyntax)add[0].Parent!;
        var witnesses = replaces.Count > 0 ? replaces : keeps;
        evidence.AddRange(witnesses.Take(2).Select(w => RuleKit.Evidence(source, w, replaces.Count > 0 ? "the type replaces entries of the same dictionary" : "the type keeps the first entry of the same dictionary")));
        var replacement = replaces.Count > 0 ? $"{access.Expression}[{key}] = {value};" : $"{access.Expression}.TryAdd({key}, {value});";
        if (keeps.Count > 0 && !RuleKit.Binds(model, statement.SpanStart, $"{access.Expression}.TryAdd({key}, {value})"))
        {
            return RuleResult.Decline(rootCause, "the dictionary has no TryAdd here", [.. evidence]);
        }

        return RuleKit.Fix($"`{add[0]}` adds a key `{dictionary.Name}` already holds; elsewhere the type {(replaces.Count > 0 ? "replaces the entry" : "keeps the first entry")} for a repeated key.",
            "A repeated key in a dictionary the type writes elsewhere in one agreed way.", replaces.Count > 0 ? "replace-entry" : "keep-first-entry",
            [(0.4, "Add of a key that can repeat"), (Math.Min(witnesses.Count, 2) * 0.15, $"{witnesses.Count} other write(s) of `{dictionary.Name}` in the type agree")],
            evidence, RuleKit.Edit(source, new TextChange(statement.Span, replacement)));
    }

    private static bool SameSymbol(ExpressionSyntax expression, ISymbol symbol, SemanticModel model) =>
        SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(expression).Symbol, symbol);

    /// <summary>The date <c>d</c> in <c>d.Year</c>, <c>d.Month + 1</c>…: the receiver of the named part.</summary>
    private static ExpressionSyntax? PartOf(ExpressionSyntax expression, string part, SemanticModel model) => expression switch
    {
        MemberAccessExpressionSyntax access when access.Name.Identifier.ValueText == part && ForeignFormat.IsDateType(model.GetTypeInfo(access.Expression).Type!) => access.Expression,
        BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) || binary.IsKind(SyntaxKind.SubtractExpression) => PartOf(ExitPaths.Unparenthesize(binary.Left), part, model),
        _ => null,
    };

    private static bool Same(ExpressionSyntax expression, ExpressionSyntax date, string part) =>
        expression is MemberAccessExpressionSyntax access && access.Name.Identifier.ValueText == part && access.Expression.IsEquivalentTo(date);

    /// <summary>The shift in <c>d.Month + k</c> or <c>d.Month - k</c> (as <c>k</c> or <c>-k</c>); null otherwise.</summary>
    private static string? Shift(ExpressionSyntax expression, ExpressionSyntax date, string part) =>
        expression is BinaryExpressionSyntax binary && Same(ExitPaths.Unparenthesize(binary.Left), date, part)
            ? binary.IsKind(SyntaxKind.AddExpression) ? binary.Right.ToString()
            : binary.IsKind(SyntaxKind.SubtractExpression) ? (binary.Right is LiteralExpressionSyntax ? "-" + binary.Right : $"-({binary.Right})")
            : null
            : null;

    private static bool SameType(ExpressionSyntax date, ITypeSymbol type, SemanticModel model)
    {
        var dateType = model.GetTypeInfo(date).Type;
        return dateType is not null && (SymbolEqualityComparer.Default.Equals(dateType, type) || dateType.SpecialType == SpecialType.System_DateTime && type.SpecialType == SpecialType.System_DateTime);
    }

    private static bool IsMoment(ExpressionSyntax expression, SemanticModel model) =>
        model.GetTypeInfo(expression).Type is { } type && (type.SpecialType == SpecialType.System_DateTime || type.Name is "DateTimeOffset" or "TimeSpan");

    private static bool IsMethod(SyntaxNode call, SemanticModel model, string type, string name) =>
        model.GetSymbolInfo(call).Symbol is IMethodSymbol method && method.Name == name && method.ContainingType?.Name == type;

    private static string Name(SyntaxNode call, SemanticModel model) =>
        model.GetSymbolInfo(call).Symbol is IMethodSymbol method ? (method.MethodKind == MethodKind.Constructor ? $"new {method.ContainingType.Name}" : $"{method.ContainingType.Name}.{method.Name}") : "the call";
}
