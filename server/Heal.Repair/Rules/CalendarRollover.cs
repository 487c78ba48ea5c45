using System.Text.RegularExpressions;
using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Rules;

/// <summary>
/// "The same day next month" rolled by hand, through locals or conditionals (<c>var month = d.Month == 12 ? 1 : d.Month + 1;
/// … new DateOnly(year, month, d.Day)</c>), which fails for the 31st of a month followed by a shorter one: the calendar's
/// <c>AddMonths(1)</c> computes the same month and year and keeps the day within the month. Declines when the method's
/// documentation states another rule for the short month (the first of the next month, skipping it).
/// Optimised builds may report an earlier statement of the method, so the construction is looked for in the whole method
/// when the throwing line has none.
/// </summary>
public static partial class CalendarRollover
{
    /// <param name="anywhereInMethod">Whether the construction may be looked for beyond the throwing line (the event's next frame
    /// is a date constructor or unnamed).</param>
    public static RuleResult? Apply(LinkedSource source, bool anywhereInMethod, List<Evidence> evidence, CancellationToken cancellationToken)
    {
        var model = source.SemanticModel;
        if (source.Member is null)
        {
            return null;
        }

        var onLine = RuleKit.OnLine<BaseObjectCreationExpressionSyntax>(source).Where(c => IsDate(c, model)).ToList();
        var creations = onLine.Count > 0 || !anywhereInMethod ? onLine : [.. ExitPaths.OwnNodes(source.Member).OfType<BaseObjectCreationExpressionSyntax>().Where(c => IsDate(c, model))];
        if (creations.Count != 1 || creations[0].ArgumentList?.Arguments is not [var yearArgument, var monthArgument, var dayArgument])
        {
            return null;
        }

        var creation = creations[0];
        var removable = new List<LocalDeclarationStatementSyntax>();
        var year = Resolve(yearArgument.Expression, source.Member, creation, model, removable, cancellationToken);
        var month = Resolve(monthArgument.Expression, source.Member, creation, model, removable, cancellationToken);
        var day = Resolve(dayArgument.Expression, source.Member, creation, model, removable, cancellationToken);
        if (day is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Day" } dayPart || !RuleKit.IsSimple(dayPart.Expression))
        {
            return null;
        }

        var date = dayPart.Expression;
        var type = model.GetTypeInfo(creation, cancellationToken).Type!;
        if (!SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(date, cancellationToken).Type, type) || !IsNextMonth(month, date) || !IsYearOfNextMonth(year, date))
        {
            return null;
        }

        var rootCause = $"`{creation}` rolls \"the same day next month\" by hand and asks for a day the next month does not have (the 31st of a 30-day month, 29 February).";
        var (contrary, said) = Documented(source.Member);
        if (contrary is not null)
        {
            return RuleResult.Decline(rootCause, $"the documentation states another rule for a shorter month (\"{contrary}\"), so moving to the month's last day would contradict it", [.. evidence]);
        }

        var whole = type.SpecialType == SpecialType.System_DateTime ? $"{date}.Date" : date.ToString();
        var changes = new List<TextChange> { new(creation.Span, $"{whole}.AddMonths(1)") };
        foreach (var declaration in removable.Distinct())
        {
            var line = source.Text.Lines.GetLineFromPosition(declaration.SpanStart);
            var last = source.Text.Lines.GetLineFromPosition(declaration.Span.End);
            changes.Add(new TextChange(TextSpan.FromBounds(line.Start, last.EndIncludingLineBreak), ""));
        }

        var reasons = new List<(double, string)>
        {
            (0.3, "the date is rebuilt from the parts of another date with the month moved on by one"),
            (0.4, "the same day one month later, kept within the month and rolling over the year, is what AddMonths(1) computes"),
        };
        if (said is not null)
        {
            evidence.Add(RuleKit.Evidence(source, said.Value.Node, "the documentation says a shorter month takes its last day"));
            reasons.Add((0.15, $"the documentation says a shorter month takes its last day: {said.Value.Text}"));
        }

        return RuleKit.Fix(rootCause, "Calendar arithmetic done on the parts of a date instead of with the calendar method that keeps the day within the month.", "calendar-arithmetic",
            reasons, evidence, RuleKit.Edit(source, [.. changes.OrderBy(c => c.Span.Start)]));
    }

    private static bool IsDate(BaseObjectCreationExpressionSyntax creation, SemanticModel model) =>
        creation.ArgumentList?.Arguments.Count == 3 && model.GetTypeInfo(creation).Type is { } type && ForeignFormat.IsDateType(type) && type.Name != "DateTimeOffset";

    /// <summary>The expression a local stands for, when it is assigned once and read only by <paramref name="creation"/> (then its declaration goes).</summary>
    private static ExpressionSyntax Resolve(ExpressionSyntax expression, SyntaxNode member, SyntaxNode creation, SemanticModel model, List<LocalDeclarationStatementSyntax> removable, CancellationToken cancellationToken)
    {
        expression = ExitPaths.Unparenthesize(expression);
        if (expression is not IdentifierNameSyntax identifier || model.GetSymbolInfo(identifier, cancellationToken).Symbol is not ILocalSymbol local
            || local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } initial, Parent.Parent: LocalDeclarationStatementSyntax { Declaration.Variables.Count: 1 } declaration })
        {
            return expression;
        }

        var uses = ExitPaths.OwnNodes(member).OfType<IdentifierNameSyntax>()
            .Where(i => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(i, cancellationToken).Symbol, local))
            .ToList();
        if (uses.Any(u => u.Parent is AssignmentExpressionSyntax a && a.Left == u || u.Parent is PrefixUnaryExpressionSyntax or PostfixUnaryExpressionSyntax))
        {
            return expression;
        }

        if (uses.All(u => creation.Span.Contains(u.Span)))
        {
            removable.Add(declaration);
        }

        return ExitPaths.Unparenthesize(initial);
    }

    /// <summary><c>d.Month == 12 ? 1 : d.Month + 1</c>, <c>d.Month &lt; 12 ? d.Month + 1 : 1</c>.</summary>
    private static bool IsNextMonth(ExpressionSyntax month, ExpressionSyntax date) =>
        month is ConditionalExpressionSyntax conditional && IsDecember(conditional.Condition, date) is { } december
        && (december ? conditional.WhenTrue : conditional.WhenFalse) is LiteralExpressionSyntax { Token.ValueText: "1" }
        && PlusOne(ExitPaths.Unparenthesize(december ? conditional.WhenFalse : conditional.WhenTrue), date, "Month");

    /// <summary><c>d.Month == 12 ? d.Year + 1 : d.Year</c> and its mirror.</summary>
    private static bool IsYearOfNextMonth(ExpressionSyntax year, ExpressionSyntax date) =>
        year is ConditionalExpressionSyntax conditional && IsDecember(conditional.Condition, date) is { } december
        && PlusOne(ExitPaths.Unparenthesize(december ? conditional.WhenTrue : conditional.WhenFalse), date, "Year")
        && Part(ExitPaths.Unparenthesize(december ? conditional.WhenFalse : conditional.WhenTrue), date, "Year");

    /// <summary>True for a test that the month is December, false for one that it is not, null for anything else.</summary>
    private static bool? IsDecember(ExpressionSyntax condition, ExpressionSyntax date) => ExitPaths.Unparenthesize(condition) switch
    {
        BinaryExpressionSyntax { Right: LiteralExpressionSyntax { Token.ValueText: "12" } } b when Part(ExitPaths.Unparenthesize(b.Left), date, "Month") =>
            b.Kind() switch
            {
                SyntaxKind.EqualsExpression or SyntaxKind.GreaterThanOrEqualExpression => true,
                SyntaxKind.NotEqualsExpression or SyntaxKind.LessThanExpression => false,
                _ => null,
            },
        _ => null,
    };

    private static bool Part(ExpressionSyntax expression, ExpressionSyntax date, string part) =>
        expression is MemberAccessExpressionSyntax access && access.Name.Identifier.ValueText == part && access.Expression.IsEquivalentTo(date);

    private static bool PlusOne(ExpressionSyntax expression, ExpressionSyntax date, string part) =>
        expression is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression, Right: LiteralExpressionSyntax { Token.ValueText: "1" } } add && Part(ExitPaths.Unparenthesize(add.Left), date, part);

    /// <summary>
    /// What the method's documentation says about a month without that day: a sentence that contradicts the month's last day
    /// (the first of the next month, skipping the month), or one that states it.
    /// </summary>
    private static (string? Contrary, (SyntaxNode Node, string Text)? Said) Documented(SyntaxNode member)
    {
        var declaration = member.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().FirstOrDefault();
        var comment = declaration?.GetLeadingTrivia().Select(t => t.GetStructure()).OfType<DocumentationCommentTriviaSyntax>().LastOrDefault();
        if (comment is null)
        {
            return (null, null);
        }

        var text = Regex.Replace(Regex.Replace(comment.ToString().Replace("///", " ", StringComparison.Ordinal), "<[^>]+>", " "), @"\s+", " ").Trim();
        var sentences = Regex.Split(text, @"(?<=[.;])\s");
        var contrary = sentences.FirstOrDefault(s => ContraryWords().IsMatch(s));
        var said = sentences.FirstOrDefault(s => LastDayWords().IsMatch(s));
        return (contrary, said is null ? null : (comment, said.Length > 140 ? said[..137] + "..." : said));
    }

    [GeneratedRegex(@"\b(last day|end of (the|that) month|month'?s end|shorter month|month is shorter|fewer days)\b", RegexOptions.IgnoreCase)]
    private static partial Regex LastDayWords();

    [GeneratedRegex(@"\b(first( day)? of the (next|following) month|1st of the (next|following) month|(is|are) skipped|skips? (that|the) month)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContraryWords();
}
