using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Rules;

/// <summary>
/// <c>InvalidCastException</c> from a direct downcast <c>(B)x</c> in code that already tests <c>x</c> for other
/// types: a pattern match <c>x is not B b</c> that takes the exit the code already uses for types it does not
/// handle. Declines when the code has no such exit or handles no other types. A database NULL cast into a destination
/// declared nullable reads as null (<see cref="DbNullCast"/>).
/// </summary>
public sealed class InvalidCastRule : ICrashRule
{
    public string Id => "invalid-cast";

    public bool Matches(CrashSite site) => site.ExceptionName == "InvalidCastException";

    public RuleResult? Apply(CrashSite site, CancellationToken cancellationToken)
    {
        var source = site.Throwing;
        var model = source.SemanticModel;
        var evidence = new List<Evidence> { RuleKit.ThrowingLine(source) };
        if (DbNullCast.Apply(site, evidence, cancellationToken) is { } dbNull)
        {
            return dbNull;
        }

        if (Unboxing(site, evidence, cancellationToken) is { } unboxing)
        {
            return unboxing;
        }

        var casts = RuleKit.OnLine<CastExpressionSyntax>(source)
            .Where(c => model.GetTypeInfo(c.Type, cancellationToken).Type is { IsReferenceType: true }
                && model.GetTypeInfo(c.Expression, cancellationToken).Type is { IsReferenceType: true })
            .ToList();
        var rootCause = $"An object was cast to a type it does not have ({site.Exception.Value}).";
        if (casts.Count != 1)
        {
            return RuleResult.Decline(rootCause,
                casts.Count == 0 ? "no reference-type downcast was found on the throwing line" : "several casts share the throwing line, so the failing one is unclear",
                [.. evidence]);
        }

        var cast = casts[0];
        var operand = ExitPaths.Unparenthesize(cast.Expression);
        rootCause = $"`{cast}` assumes `{operand}` is a `{cast.Type}`, but it held another type; a direct cast throws instead of letting the code handle it.";
        if (source.Member is null || !RuleKit.IsSimple(operand))
        {
            return RuleResult.Decline(rootCause, "the cast operand is computed on the spot, so it cannot be tested first", [.. evidence]);
        }

        var typeTests = ExitPaths.OwnNodes(source.Member)
            .Where(n => n != cast && TestedOperand(n) is { } tested && SyntaxFactory.AreEquivalent(tested, operand, topLevel: false))
            .ToList();
        if (typeTests.Count == 0)
        {
            return DocumentedForeignType.Skip(site, cast, operand, rootCause, evidence)
                ?? RuleResult.Decline(rootCause, $"the code does not test `{operand}` for other types anywhere, so no other types are handled here and the intended behaviour is unclear", [.. evidence]);
        }

        evidence.Add(RuleKit.Evidence(source, typeTests[0], "the code already tests this value's type"));
        var statement = RuleKit.GuardableStatement(cast);
        if (statement is null || !RuleKit.AlwaysEvaluated(cast, statement))
        {
            return RuleResult.Decline(rootCause, "the cast is not a plain statement of a block, so no pattern match can be placed before it", [.. evidence]);
        }

        var anchorLoop = ExitPaths.EnclosingLoop(statement, source.Member);
        var message = $"$\"Unexpected {cast.Type} type {{{operand}.GetType().Name}}.\"";
        var exits = ExitPaths.Guards(source.Member)
            .Where(g => IsNegativeTypeTest(g.Condition) && TestedOperand(g.Condition) is { } tested && SyntaxFactory.AreEquivalent(tested, operand, topLevel: false))
            .Where(g => !g.IsLoopExit || (anchorLoop is not null && ExitPaths.EnclosingLoop(g.Jump, source.Member) == anchorLoop))
            .Select(g => g.Jump)
            .Concat(DefaultArms(source.Member, operand))
            .Select(j => (Jump: j, Text: Render(j, model, message)))
            .ToList();
        var distinct = exits.DistinctBy(e => e.Text, StringComparer.Ordinal).ToList();
        if (distinct.Count == 0 || distinct.Any(d => d.Text.Length == 0))
        {
            return RuleResult.Decline(rootCause, "the code has no exit for types it does not handle (no type guard or default case that returns, throws or skips), so the intended fallback is unclear", [.. evidence]);
        }

        // Each way the code leaves for a type it does not handle is a candidate; two different ones and nothing to choose between
        // them is a decline that lists both.
        var why = "A direct downcast in code that already tests the same value for other types and has an exit for types it does not handle.";
        var candidates = new List<RuleCandidate>();
        var intent = Intent.None(FailureCondition.InvalidArgument);
        foreach (var (jump, exit) in distinct)
        {
            var outcome = ExitIntent.OutcomeOf(jump, model) ?? ExpectedOutcome.Returns(exit);
            var reasons = new List<ConfidenceReason> { new(0.3, "the code's existing exit for other types is reused") };
            var (edit, hoisted) = PatternMatch(source, statement, cast, operand, exit);
            if (hoisted)
            {
                reasons.Add(new ConfidenceReason(-0.05, "the cast is hoisted into a pattern match before its statement"));
            }

            candidates.Add(RuleCandidate.Scored("pattern-match", $"pattern match and `{exit}` for other types", outcome, 0.45,
                "direct cast of a value whose type the code already tests", intent, [edit], extra: reasons, why: why));
        }

        var result = CandidateChoice.Choose(rootCause, candidates, evidence, intent, "the code has no exit for types it does not handle");
        if (!result.IsDecline || result.Candidates.Length < 2)
        {
            return result;
        }

        var reason = "the code leaves in more than one way for other types, so the intended fallback is unclear; " + result.DeclineReason;
        return result with { DeclineReason = reason, Why = reason };
    }

    /// <summary>
    /// <c>if (x is not B b) exit</c> in place of <c>var b = (B)x;</c>, or before the statement with the cast replaced by a fresh
    /// name (<c>Hoisted</c>).
    /// </summary>
    internal static (FileEdit Edit, bool Hoisted) PatternMatch(LinkedSource source, StatementSyntax statement, CastExpressionSyntax cast, ExpressionSyntax operand, string exit)
    {
        var style = FileStyle.Of(source.Root);
        var indent = RuleKit.Indent(source, statement);
        if (statement is LocalDeclarationStatementSyntax { Declaration.Variables.Count: 1 } declaration
            && declaration.Declaration.Variables[0].Initializer?.Value == cast)
        {
            var name = declaration.Declaration.Variables[0].Identifier.ValueText;
            return (RuleKit.Edit(source, TryParseFix.ReplaceLines(source, statement, style.Guard(indent, $"{operand} is not {cast.Type} {name}", exit))), false);
        }

        var hoistedName = RuleKit.FreeName(source.SemanticModel, statement.SpanStart, RuleKit.ElementNoun(cast.Type.ToString().Split('.')[^1] + "s"), source.Member!);
        return (RuleKit.Edit(source, RuleKit.InsertBefore(source, statement, style.Guard(indent, $"{operand} is not {cast.Type} {hoistedName}", exit)),
            new TextChange(cast.Parent is ParenthesizedExpressionSyntax wrapped ? wrapped.Span : cast.Span, hoistedName)), true);
    }

    /// <summary>The value a type test looks at: <c>x is T</c>, <c>x is not T</c>, <c>x as T</c>, <c>switch (x)</c> with type cases.</summary>
    /// <summary>
    /// <c>(int)value</c> where <c>value</c> is an <c>object</c> holding another numeric type (a boxed <c>long</c> from a JSON
    /// reader): unboxing needs the exact type, so the value is converted with <c>Convert.ToInt32</c>, written the way sibling
    /// reads of the same source already do. Needs the message to name a boxed number, or a sibling that converts.
    /// </summary>
    private static RuleResult? Unboxing(CrashSite site, List<Evidence> evidence, CancellationToken cancellationToken)
    {
        var source = site.Throwing;
        var model = source.SemanticModel;
        var casts = RuleKit.OnLine<CastExpressionSyntax>(source)
            .Where(c => model.GetTypeInfo(c.Type, cancellationToken).Type is { } target && ConvertMethod(target) is not null
                && model.GetTypeInfo(c.Expression, cancellationToken).Type is { SpecialType: SpecialType.System_Object })
            .ToList();
        if (casts.Count != 1)
        {
            return null;
        }

        var cast = casts[0];
        var target = model.GetTypeInfo(cast.Type, cancellationToken).Type!;
        var method = ConvertMethod(target)!;
        var operand = AbsenceConventions.Unwrap(cast.Expression);
        var boxed = BoxedNumber(site.Exception.Value);
        var siblings = SiblingConversions(source, operand, cancellationToken);
        if (boxed is null && siblings.Count == 0)
        {
            return null;
        }

        // The sibling's extra arguments (a culture) carry over when they read the same here.
        var extra = siblings.Select(s => string.Join(", ", s.ArgumentList.Arguments.Skip(1).Select(a => a.ToString()))).Distinct().ToList();
        var tail = extra.Count == 1 && extra[0].Length > 0 && RuleKit.Binds(model, cast.SpanStart, extra[0]) ? ", " + extra[0] : "";
        var replacement = $"Convert.{method}({operand}{tail})";
        if (!RuleKit.Binds(model, cast.SpanStart, "Convert.ToInt32(0)"))
        {
            replacement = "System." + replacement;
        }

        var reasons = new List<(double, string)> { (0.45, $"`{cast}` unboxes an `object`, which only succeeds for exactly a boxed `{cast.Type}`") };
        if (boxed is not null)
        {
            reasons.Add((0.15, $"the value held a boxed `{boxed}`, another number that converts"));
        }

        if (siblings.Count > 0)
        {
            evidence.Add(RuleKit.Evidence(source, siblings[0], "sibling conversion of the same source"));
            reasons.Add((siblings.Count > 1 ? 0.25 : 0.2, $"sibling code reads the same source with `{siblings[0]}`"));
        }

        var rootCause = $"`{cast}` unboxes `{operand}` as `{cast.Type}`, but it holds {(boxed is null ? "another type" : $"a `{boxed}`")}; unboxing requires the exact type.";
        return RuleKit.Fix(rootCause,
            "An unboxing cast of a number stored as `object`: the boxed type differs from the cast's, so the value is converted instead of unboxed.",
            "convert-unboxed", reasons, evidence, RuleKit.Edit(source, new TextChange(cast.Span, replacement)));
    }

    private static string? ConvertMethod(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Int16 => "ToInt16",
        SpecialType.System_Int32 => "ToInt32",
        SpecialType.System_Int64 => "ToInt64",
        SpecialType.System_UInt16 => "ToUInt16",
        SpecialType.System_UInt32 => "ToUInt32",
        SpecialType.System_UInt64 => "ToUInt64",
        SpecialType.System_Byte => "ToByte",
        SpecialType.System_Single => "ToSingle",
        SpecialType.System_Double => "ToDouble",
        SpecialType.System_Decimal => "ToDecimal",
        _ => null,
    };

    /// <summary>The boxed numeric type in "Unable to cast object of type 'System.Int64' to type 'System.Int32'.", else null.</summary>
    private static string? BoxedNumber(string? message)
    {
        if (message is null)
        {
            return null;
        }

        var match = System.Text.RegularExpressions.Regex.Match(message, @"object of type '(?<from>System\.(Int16|Int32|Int64|UInt16|UInt32|UInt64|Byte|SByte|Single|Double|Decimal))'");
        return match.Success ? match.Groups["from"].Value : null;
    }

    /// <summary><c>Convert.ToX(…)</c> calls in the type whose argument reads the same source (the same dictionary or member).</summary>
    private static List<InvocationExpressionSyntax> SiblingConversions(LinkedSource source, ExpressionSyntax operand, CancellationToken cancellationToken)
    {
        var model = source.SemanticModel;
        var origin = operand is ElementAccessExpressionSyntax element ? element.Expression : operand;
        var originSymbol = model.GetSymbolInfo(origin, cancellationToken).Symbol;
        if (originSymbol is null)
        {
            return [];
        }

        return NullReferenceRule.TypeScope(source).DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => i.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "Convert" }, Name.Identifier.ValueText: var name }
                && name.StartsWith("To", StringComparison.Ordinal) && i.ArgumentList.Arguments.Count >= 1
                && AbsenceConventions.Unwrap(i.ArgumentList.Arguments[0].Expression) is var argument
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(argument is ElementAccessExpressionSyntax e ? e.Expression : argument, cancellationToken).Symbol, originSymbol))
            .ToList();
    }

    private static ExpressionSyntax? TestedOperand(SyntaxNode node) => node switch
    {
        IsPatternExpressionSyntax p when IsTypePattern(p.Pattern) => ExitPaths.Unparenthesize(p.Expression),
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.IsExpression or (int)SyntaxKind.AsExpression } b => ExitPaths.Unparenthesize(b.Left),
        PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not => TestedOperand(ExitPaths.Unparenthesize(not.Operand)),
        BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression } equals => TestedOperand(ExitPaths.Unparenthesize(equals.Left)),
        IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax } isNull => TestedOperand(ExitPaths.Unparenthesize(isNull.Expression)),
        SwitchStatementSyntax s when s.Sections.SelectMany(x => x.Labels).Any(l => l is CasePatternSwitchLabelSyntax or CaseSwitchLabelSyntax { Value: IdentifierNameSyntax or QualifiedNameSyntax or GenericNameSyntax }) => ExitPaths.Unparenthesize(s.Expression),
        SwitchExpressionSyntax s => ExitPaths.Unparenthesize(s.GoverningExpression),
        ExpressionSyntax e when e is ParenthesizedExpressionSyntax => TestedOperand(ExitPaths.Unparenthesize(e)),
        _ => null,
    };

    /// <summary>A pattern that tests a type (a bare name in a pattern parses as a constant pattern; literals are the real constants).</summary>
    private static bool IsTypePattern(PatternSyntax pattern) => pattern switch
    {
        TypePatternSyntax or DeclarationPatternSyntax or RecursivePatternSyntax => true,
        ConstantPatternSyntax { Expression: IdentifierNameSyntax or QualifiedNameSyntax or GenericNameSyntax } => true,
        UnaryPatternSyntax u => IsTypePattern(u.Pattern),
        _ => false,
    };

    /// <summary>
    /// A test that is true for types the code does not handle (<c>x is not T</c>, <c>!(x is T)</c>,
    /// <c>x as T == null</c>); a positive test's exit is what the code does for that one type, not for the others.
    /// </summary>
    private static bool IsNegativeTypeTest(ExpressionSyntax condition)
    {
        condition = ExitPaths.Unparenthesize(condition);
        return condition switch
        {
            IsPatternExpressionSyntax { Pattern: UnaryPatternSyntax u } => IsTypePattern(u.Pattern),
            PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalNotExpression } not =>
                ExitPaths.Unparenthesize(not.Operand) is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.IsExpression } or IsPatternExpressionSyntax { Pattern: TypePatternSyntax or ConstantPatternSyntax { Expression: IdentifierNameSyntax or QualifiedNameSyntax } },
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression } equals => ExitPaths.Unparenthesize(equals.Left) is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AsExpression },
            IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax } isNull => ExitPaths.Unparenthesize(isNull.Expression) is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AsExpression },
            _ => false,
        };
    }

    /// <summary>The <c>default:</c> exits of type switches on the operand.</summary>
    private static IEnumerable<SyntaxNode> DefaultArms(SyntaxNode member, ExpressionSyntax operand) =>
        ExitPaths.OwnNodes(member).OfType<SwitchStatementSyntax>()
            .Where(s => TestedOperand(s) is { } tested && SyntaxFactory.AreEquivalent(tested, operand, topLevel: false))
            .SelectMany(s => s.Sections.Where(x => x.Labels.Any(l => l is DefaultSwitchLabelSyntax)))
            .Select(x => x.Statements.Count == 1 ? ExitPaths.SingleJump(x.Statements[0]) : null)
            .OfType<StatementSyntax>()
            .Where(j => j is ReturnStatementSyntax or ThrowStatementSyntax);

    /// <summary>The exit as text; a thrown exception gets a message about this cast (empty when it cannot).</summary>
    private static string Render(SyntaxNode jump, SemanticModel model, string message)
    {
        if (jump is not ThrowStatementSyntax { Expression: ObjectCreationExpressionSyntax creation })
        {
            return jump is ThrowStatementSyntax ? "" : jump.ToString();
        }

        if (model.GetTypeInfo(creation).Type is not INamedTypeSymbol exception
            || !exception.InstanceConstructors.Any(c => c.Parameters.Length == 1 && c.Parameters[0].Type.SpecialType == SpecialType.System_String))
        {
            return "";
        }

        return $"throw new {creation.Type}({message});";
    }
}
