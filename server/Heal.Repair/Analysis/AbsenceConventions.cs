using System.Collections.Immutable;
using Heal.Core.Model;
using Heal.Repair.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>
/// How the code around a crash already handles absent values, so a rule can write the guard a reviewer of
/// this codebase expects instead of one of its own invention.
/// </summary>
/// <remarks>
/// <para><see cref="Find"/> lists every guard in a scope (usually the type holding the crash): <c>if (x == null)
/// return …;</c>, <c>if (x is null) continue;</c>, <c>if (x is not { }) throw …;</c>, <c>ArgumentNullException.ThrowIfNull(x)</c>,
/// <c>x ?? throw new ArgumentNullException(…)</c>, <c>x?.y ?? fallback</c>, <c>x ?? fallback</c>. Each guard carries a
/// <see cref="KeyOf">key</see> naming what it tests in a way that survives across methods: the same property or field
/// (<c>member:</c>), a local assigned from the same method (<c>origin:</c>), the same parameter (<c>param:</c>).</para>
/// <para><see cref="PlanGuard"/> decides what a new guard at a statement should do, in this order: a guard of the same
/// key anywhere in the type; a guard in the same method; the return value the type's guards agree on for methods of
/// the same return type; <c>return null;</c> when the method already returns null; <c>return;</c> in a void method
/// when the caller says absence is by design. It returns null when none applies: the behaviour cannot be inferred.</para>
/// <para><see cref="Fallbacks"/> finds the <c>?? F</c> fallbacks used for a key (for operator fixes), and
/// <see cref="Layout"/> how the file writes a guard (<c>is null</c> or <c>== null</c>, braces, blank lines).</para>
/// </remarks>
public static class AbsenceConventions
{
    /// <summary>Every absence guard under <paramref name="scope"/> (a type declaration, a method, a whole file).</summary>
    public static ImmutableArray<AbsenceGuard> Find(SyntaxNode scope, SemanticModel model)
    {
        var guards = ImmutableArray.CreateBuilder<AbsenceGuard>();
        foreach (var node in scope.DescendantNodes())
        {
            switch (node)
            {
                case IfStatementSyntax ifStatement when ifStatement.Else is null:
                    if (IfGuard(ifStatement, model) is { } guard)
                    {
                        guards.Add(guard);
                    }

                    break;
                case InvocationExpressionSyntax invocation when IsThrowIfNull(invocation) && invocation.ArgumentList.Arguments.Count >= 1:
                    var tested = invocation.ArgumentList.Arguments[0].Expression;
                    var statement = invocation.FirstAncestorOrSelf<StatementSyntax>();
                    guards.Add(new AbsenceGuard(invocation, tested, KeyOf(tested, model), GuardForm.ThrowIfNull,
                        new AbsenceAction(AbsenceActionKind.Throw, statement?.ToString()), MemberOf(invocation), false, false, false));
                    break;
                case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression):
                    guards.Add(CoalesceGuard(coalesce, model));
                    break;
                case ConditionalAccessExpressionSyntax conditional when !IsCoalesceLeft(conditional) && conditional.Parent is not ConditionalAccessExpressionSyntax:
                    guards.Add(new AbsenceGuard(conditional, conditional.Expression, KeyOf(conditional.Expression, model), GuardForm.ConditionalAccess,
                        new AbsenceAction(AbsenceActionKind.Propagate, null), MemberOf(conditional), false, false, true));
                    break;
            }
        }

        return guards.ToImmutable();
    }

    /// <summary>
    /// What <paramref name="expression"/> stands for beyond its method: <c>member:</c> plus the property, field or event;
    /// <c>origin:</c> plus the method a local (or the expression itself) gets its value from; <c>param:</c> plus the
    /// parameter; <c>local:</c> plus the local for anything else. Null when it does not bind.
    /// </summary>
    public static string? KeyOf(ExpressionSyntax expression, SemanticModel model)
    {
        expression = Unwrap(expression);
        if (expression is InvocationExpressionSyntax invocation)
        {
            return model.GetSymbolInfo(invocation).Symbol is IMethodSymbol method ? "origin:" + Origin(method) : null;
        }

        var symbol = model.GetSymbolInfo(expression).Symbol;
        switch (symbol)
        {
            case IPropertySymbol or IFieldSymbol or IEventSymbol:
                return "member:" + Display(symbol);
            case IParameterSymbol parameter:
                return "param:" + Display(parameter.ContainingSymbol) + "#" + parameter.Name;
            case ILocalSymbol local:
                var declarator = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() as VariableDeclaratorSyntax;
                if (declarator?.Initializer?.Value is { } value)
                {
                    var origin = Unwrap(value);
                    if (origin is AwaitExpressionSyntax awaited)
                    {
                        origin = Unwrap(awaited.Expression);
                    }

                    if (origin is InvocationExpressionSyntax call && model.GetSymbolInfo(call).Symbol is IMethodSymbol method)
                    {
                        return "origin:" + Origin(method);
                    }

                    if (origin is BinaryExpressionSyntax cast && cast.IsKind(SyntaxKind.AsExpression))
                    {
                        return "as:" + cast.Right;
                    }
                }

                return "local:" + local.Name + "@" + (local.DeclaringSyntaxReferences.FirstOrDefault()?.Span.Start ?? -1);
            default:
                return null;
        }
    }

    /// <summary>
    /// What a new guard placed just before <paramref name="anchor"/> should do when the value keyed <paramref name="key"/>
    /// is absent; null when the code gives no way to tell (then a rule must decline).
    /// </summary>
    /// <param name="absenceByDesign">The value is absent by design (an <c>*OrDefault</c>, an <c>as</c> cast, a nullable
    /// declaration, a caller passing null), which makes a bare <c>return;</c> in a void method acceptable.</param>
    public static AbsencePlan? PlanGuard(StatementSyntax anchor, SemanticModel model, string? key,
        ImmutableArray<AbsenceGuard> guards, bool absenceByDesign)
    {
        var member = MemberOf(anchor);
        var shape = MethodShape.Of(member, model);
        var inLoop = anchor.Ancestors().TakeWhile(a => a != member).Any(IsLoop);
        var statementGuards = guards.Where(g => g.Action.Kind is AbsenceActionKind.Return or AbsenceActionKind.Continue
            or AbsenceActionKind.Break or AbsenceActionKind.Throw && g.Node is IfStatementSyntax).ToList();

        // 1. The same value is guarded elsewhere: copy that guard's behaviour, including a domain exception.
        if (key is not null)
        {
            foreach (var guard in statementGuards.Where(g => g.Key == key).OrderByDescending(g => g.Member == member))
            {
                if (Fits(guard, member, shape, inLoop, model, allowThrow: true))
                {
                    return new AbsencePlan(guard.Action, guard, $"as {Describe(guard)} does for `{guard.Tested}`",
                        [new ConfidenceReason(0.25, $"{Describe(guard)} guards `{guard.Tested}` the same way")]);
                }
            }
        }

        // 2. The method already leaves early on another absent value (only a bare exit is a template: one that records the
        // item somewhere first says this code accounts for what it skips, and which record fits this value is not known).
        foreach (var guard in statementGuards.Where(g => g.Member == member && !g.Action.Records).OrderBy(g => g.Node.SpanStart < anchor.SpanStart ? 0 : 1))
        {
            if (Fits(guard, member, shape, inLoop, model, allowThrow: false))
            {
                return new AbsencePlan(guard.Action, guard, $"as the method's own guard on `{guard.Tested}` does",
                    [new ConfidenceReason(0.15, $"the method already answers `{guard.Action.Statement}` when `{guard.Tested}` is missing")]);
            }
        }

        // 3. The type's methods of the same return type agree on a "not found" value.
        if (shape.ReturnsValue && !inLoop)
        {
            var agreed = statementGuards
                .Where(g => g.Action.Kind == AbsenceActionKind.Return && g.Portable && g.Member is not null && g.Member != member
                    && g.Action.Text is not null && IsSentinel(g.Action.Text, shape, member)
                    && MethodShape.Of(g.Member, model).SameReturnAs(shape))
                .GroupBy(g => g.Action.Text)
                .OrderByDescending(g => g.Count())
                .ToList();
            if (agreed.Count == 1 || agreed.Count > 1 && agreed[0].Count() > agreed[1].Count())
            {
                var guard = agreed[0].First();
                return new AbsencePlan(guard.Action, guard, $"as {Describe(guard)} answers when `{guard.Tested}` is missing",
                    [new ConfidenceReason(0.1, $"sibling methods return `{guard.Action.Text}` for a missing value")]);
            }
        }

        // 4. The method already returns null as its "nothing" value.
        if (shape.AcceptsNull && !inLoop && member is not null && ReturnsNullLiteral(member))
        {
            return new AbsencePlan(new AbsenceAction(AbsenceActionKind.Return, "null"), null, "as the method already returns null when it has nothing",
                [new ConfidenceReason(0.05, "the method already returns null elsewhere")]);
        }

        // 5. A void method and a value that is absent by design, in a type whose other void methods already leave early when
        // something is missing: the type's convention. Without such a sibling, skipping the work silently is a guess.
        var voidPrecedent = statementGuards.FirstOrDefault(g => g.Action.Kind == AbsenceActionKind.Return && g.Action.Text is null && !g.Action.Records
            && g.Member is not null && g.Member != member && !MethodShape.Of(g.Member, model).ReturnsValue);
        if (!shape.ReturnsValue && absenceByDesign && !inLoop && member is not null and not ConstructorDeclarationSyntax && voidPrecedent is not null)
        {
            return new AbsencePlan(new AbsenceAction(AbsenceActionKind.Return, null), voidPrecedent, $"as {Describe(voidPrecedent)} leaves early when `{voidPrecedent.Tested}` is missing",
                [new ConfidenceReason(-0.1, $"no guard of this value to copy; {Describe(voidPrecedent)} leaves early for another missing value")]);
        }

        return null;
    }

    /// <summary>The fallbacks (<c>?? F</c>) code uses for the value keyed <paramref name="key"/>, most common first.</summary>
    public static ImmutableArray<AbsenceGuard> Fallbacks(ImmutableArray<AbsenceGuard> guards, string? key) =>
        key is null
            ? ImmutableArray<AbsenceGuard>.Empty
            : guards.Where(g => g.Key == key && g.Action.Kind == AbsenceActionKind.Fallback && g.Portable)
                .GroupBy(g => g.Action.Text).OrderByDescending(g => g.Count()).SelectMany(g => g).ToImmutableArray();

    /// <summary>How <paramref name="root"/>'s file writes guards; modern defaults where it has none.</summary>
    public static GuardLayout Layout(SyntaxNode root)
    {
        int isNull = 0, equalsNull = 0, braces = 0, bare = 0, sameLine = 0, blank = 0, tight = 0, allman = 0, kr = 0;
        var text = root.SyntaxTree.GetText();
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax { Expression: LiteralExpressionSyntax literal } }
                    when literal.IsKind(SyntaxKind.NullLiteralExpression):
                case IsPatternExpressionSyntax { Pattern: UnaryPatternSyntax { Pattern: ConstantPatternSyntax { Expression: LiteralExpressionSyntax notLiteral } } }
                    when notLiteral.IsKind(SyntaxKind.NullLiteralExpression):
                    isNull++;
                    break;
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression):
                    if (binary.Right.IsKind(SyntaxKind.NullLiteralExpression) || binary.Left.IsKind(SyntaxKind.NullLiteralExpression))
                    {
                        equalsNull++;
                    }

                    break;
                case IfStatementSyntax { Else: null } ifStatement when IsJumpBody(ifStatement.Statement):
                    if (ifStatement.Statement is BlockSyntax)
                    {
                        braces++;
                    }
                    else
                    {
                        bare++;
                        if (Line(text, ifStatement.Statement.SpanStart) == Line(text, ifStatement.SpanStart))
                        {
                            sameLine++;
                        }
                    }

                    var next = NextStatement(ifStatement);
                    if (next is not null)
                    {
                        if (Line(text, next.SpanStart) - Line(text, ifStatement.Span.End) > 1)
                        {
                            blank++;
                        }
                        else
                        {
                            tight++;
                        }
                    }

                    break;
                case BlockSyntax block when block.Parent is not null && block.Parent is not BlockSyntax:
                    var previous = block.OpenBraceToken.GetPreviousToken();
                    if (Line(text, previous.Span.End) == Line(text, block.OpenBraceToken.SpanStart))
                    {
                        kr++;
                    }
                    else
                    {
                        allman++;
                    }

                    break;
            }
        }

        var useBraces = braces >= bare;
        return new GuardLayout(
            equalsNull > isNull ? GuardForm.EqualsNull : GuardForm.IsNull,
            useBraces,
            !useBraces && sameLine * 2 > bare,
            allman >= kr,
            blank + tight == 0 ? useBraces : blank >= tight);
    }

    /// <summary>The null test in <paramref name="condition"/> when it means "tested is null"; null otherwise.</summary>
    public static ExpressionSyntax? NullTest(ExpressionSyntax condition, out GuardForm form)
    {
        form = GuardForm.IsNull;
        condition = Unwrap(condition);
        switch (condition)
        {
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression):
                form = GuardForm.EqualsNull;
                return binary.Right.IsKind(SyntaxKind.NullLiteralExpression) ? binary.Left
                    : binary.Left.IsKind(SyntaxKind.NullLiteralExpression) ? binary.Right : null;
            case IsPatternExpressionSyntax { Pattern: ConstantPatternSyntax { Expression: var constant } } pattern
                when constant.IsKind(SyntaxKind.NullLiteralExpression):
                return pattern.Expression;
            case IsPatternExpressionSyntax { Pattern: UnaryPatternSyntax { Pattern: RecursivePatternSyntax or DeclarationPatternSyntax or TypePatternSyntax } } notPattern
                when ((UnaryPatternSyntax)notPattern.Pattern).OperatorToken.IsKind(SyntaxKind.NotKeyword):
                form = GuardForm.IsNotPattern;
                return notPattern.Expression;
            case InvocationExpressionSyntax { ArgumentList.Arguments.Count: 2 } call
                when call.Expression.ToString() is "ReferenceEquals" or "object.ReferenceEquals" or "Object.ReferenceEquals":
                form = GuardForm.EqualsNull;
                var arguments = call.ArgumentList.Arguments;
                return arguments[1].Expression.IsKind(SyntaxKind.NullLiteralExpression) ? arguments[0].Expression
                    : arguments[0].Expression.IsKind(SyntaxKind.NullLiteralExpression) ? arguments[1].Expression : null;
            default:
                return null;
        }
    }

    /// <summary>The innermost method, accessor, local function or lambda holding <paramref name="node"/>.</summary>
    public static SyntaxNode? MemberOf(SyntaxNode node) => node.AncestorsAndSelf().FirstOrDefault(SourceLocator.IsMember);

    /// <summary>A short name for the member holding a guard, e.g. <c>`GetShippingCost`</c>.</summary>
    public static string Describe(AbsenceGuard guard) => guard.Member switch
    {
        MethodDeclarationSyntax m => $"`{m.Identifier.Text}`",
        LocalFunctionStatementSyntax f => $"`{f.Identifier.Text}`",
        ConstructorDeclarationSyntax c => $"the `{c.Identifier.Text}` constructor",
        AccessorDeclarationSyntax { Parent.Parent: PropertyDeclarationSyntax p } => $"`{p.Identifier.Text}`",
        PropertyDeclarationSyntax p => $"`{p.Identifier.Text}`",
        _ => "sibling code",
    };

    public static ExpressionSyntax Unwrap(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                case PostfixUnaryExpressionSyntax suppressed when suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    expression = suppressed.Operand;
                    break;
                default:
                    return expression;
            }
        }
    }

    /// <summary>
    /// A statement that only writes a diagnostic: a call on a logger, <c>Console</c>, <c>Debug</c> or <c>Trace</c>, or a method
    /// named <c>Log…</c>/<c>Trace…</c>/<c>Warn…</c>.
    /// </summary>
    public static bool IsLogging(StatementSyntax statement, SemanticModel model)
    {
        if (statement is not ExpressionStatementSyntax { Expression: InvocationExpressionSyntax call })
        {
            return false;
        }

        var method = model.GetSymbolInfo(call).Symbol as IMethodSymbol;
        var name = method?.Name ?? (call.Expression as MemberAccessExpressionSyntax)?.Name.Identifier.ValueText
            ?? (call.Expression as IdentifierNameSyntax)?.Identifier.ValueText ?? "";
        var receiverType = method?.ContainingType?.Name ?? "";
        var receiver = (call.Expression as MemberAccessExpressionSyntax)?.Expression.ToString() ?? "";
        return name.StartsWith("Log", StringComparison.Ordinal) || name.StartsWith("Trace", StringComparison.Ordinal) || name.StartsWith("Warn", StringComparison.Ordinal)
            || receiverType is "Console" or "Debug" or "Trace" || receiverType.Contains("Logger", StringComparison.Ordinal)
            || receiverType.EndsWith("LoggerExtensions", StringComparison.Ordinal)
            || receiver.Contains("log", StringComparison.OrdinalIgnoreCase) || receiver.StartsWith("Console.", StringComparison.Ordinal);
    }

    public static bool IsLoop(SyntaxNode node) =>
        node is ForEachStatementSyntax or ForEachVariableStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax;

    private static AbsenceGuard? IfGuard(IfStatementSyntax ifStatement, SemanticModel model)
    {
        var tested = NullTest(ifStatement.Condition, out var form);
        if (tested is null)
        {
            return null;
        }

        var statements = ifStatement.Statement is BlockSyntax block ? block.Statements.ToList() : [ifStatement.Statement];
        if (statements.Count == 0 || statements.Count > 3)
        {
            return null;
        }

        var jump = statements[^1];
        AbsenceAction? action = jump switch
        {
            ReturnStatementSyntax r => new AbsenceAction(AbsenceActionKind.Return, r.Expression?.ToString()),
            ContinueStatementSyntax => new AbsenceAction(AbsenceActionKind.Continue, null),
            BreakStatementSyntax => new AbsenceAction(AbsenceActionKind.Break, null),
            ThrowStatementSyntax t when t.Expression is not null => new AbsenceAction(AbsenceActionKind.Throw, t.ToString()),
            _ => null,
        };
        if (action is null)
        {
            return null;
        }

        action = action with
        {
            Logs = statements.Take(statements.Count - 1).Any(s => IsLogging(s, model)),
            Records = statements.Take(statements.Count - 1).Any(s => !IsLogging(s, model)),
        };
        if (jump is ThrowStatementSyntax { Expression: ObjectCreationExpressionSyntax creation } && creation.Type.ToString().EndsWith("ArgumentNullException", StringComparison.Ordinal))
        {
            form = GuardForm.ThrowArgumentNull;
        }

        var text = ifStatement.SyntaxTree.GetText();
        return new AbsenceGuard(ifStatement, tested, KeyOf(tested, model), form, action, MemberOf(ifStatement),
            ifStatement.Statement is BlockSyntax,
            ifStatement.Statement is not BlockSyntax && Line(text, ifStatement.Statement.SpanStart) == Line(text, ifStatement.SpanStart),
            IsPortable(jump, model));
    }

    private static AbsenceGuard CoalesceGuard(BinaryExpressionSyntax coalesce, SemanticModel model)
    {
        var left = Unwrap(coalesce.Left);
        var tested = left is ConditionalAccessExpressionSyntax conditional ? conditional.Expression : left;
        var form = left is ConditionalAccessExpressionSyntax ? GuardForm.ConditionalAccess : GuardForm.Coalesce;
        AbsenceAction action;
        if (coalesce.Right is ThrowExpressionSyntax thrown)
        {
            action = new AbsenceAction(AbsenceActionKind.Throw, thrown.ToString());
            if (thrown.Expression is ObjectCreationExpressionSyntax creation && creation.Type.ToString().EndsWith("ArgumentNullException", StringComparison.Ordinal))
            {
                form = GuardForm.ThrowArgumentNull;
            }
        }
        else
        {
            action = new AbsenceAction(AbsenceActionKind.Fallback, coalesce.Right.ToString());
        }

        return new AbsenceGuard(coalesce, tested, KeyOf(tested, model), form, action, MemberOf(coalesce), false, false,
            IsPortable(coalesce.Right, model));
    }

    private static bool Fits(AbsenceGuard guard, SyntaxNode? member, MethodShape shape, bool inLoop, SemanticModel model, bool allowThrow)
    {
        switch (guard.Action.Kind)
        {
            case AbsenceActionKind.Continue or AbsenceActionKind.Break:
                return inLoop;
            case AbsenceActionKind.Throw:
                return allowThrow && (guard.Portable || PortableInto(guard, member, model)) && guard.Form != GuardForm.ThrowArgumentNull;
            case AbsenceActionKind.Return:
                if (!guard.Portable || guard.Member is null)
                {
                    return false;
                }

                // Returning from the middle of a loop only when the precedent does the same.
                if (inLoop && !guard.Node.Ancestors().TakeWhile(a => a != guard.Member).Any(IsLoop))
                {
                    return false;
                }

                var theirs = MethodShape.Of(guard.Member, model);
                if (guard.Action.Text is null)
                {
                    return !shape.ReturnsValue && !theirs.ReturnsValue;
                }

                // Another method's "not found" answer carries over only when it is a sentinel that means "not found" in both
                // methods, never a domain value that meant something for that method alone: `0m` returned for a missing
                // discount rate is no answer for an order total, a default shipping rate is no answer for a discount.
                if (guard.Member != member && !IsSentinel(guard.Action.Text, shape, member))
                {
                    return false;
                }

                return shape.SameReturnAs(theirs)
                    || guard.Action.Text is "null" && shape.AcceptsNull
                    || guard.Action.Text is "default" && shape.ReturnsValue;
            default:
                return false;
        }
    }

    /// <summary>
    /// A value that means "nothing" whatever the method: <c>null</c>, <c>default</c>, <c>false</c>, zero, an empty string or
    /// collection, or a parameterless result factory such as <c>NotFound()</c>.
    /// </summary>
    public static bool IsNeutral(string text)
    {
        var expression = SyntaxFactory.ParseExpression(text);
        return expression switch
        {
            LiteralExpressionSyntax literal => literal.Kind() switch
            {
                SyntaxKind.NullLiteralExpression or SyntaxKind.DefaultLiteralExpression or SyntaxKind.FalseLiteralExpression => true,
                SyntaxKind.NumericLiteralExpression => Convert.ToDouble(literal.Token.Value, System.Globalization.CultureInfo.InvariantCulture) == 0,
                SyntaxKind.StringLiteralExpression => literal.Token.ValueText.Length == 0,
                _ => false,
            },
            DefaultExpressionSyntax or CollectionExpressionSyntax { Elements.Count: 0 } => true,
            MemberAccessExpressionSyntax { Name.Identifier.Text: "Empty" or "CompletedTask" } => true,
            InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: var callee } => callee switch
            {
                IdentifierNameSyntax => true,
                MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.Text: "Empty" } } => true,
                _ => false,
            },
            BaseObjectCreationExpressionSyntax { Initializer: null } creation => creation.ArgumentList is null || creation.ArgumentList.Arguments.Count == 0,
            _ => false,
        };
    }

    /// <summary>
    /// A value that means "not found" in any method returning <paramref name="shape"/>'s type, so another method's early
    /// <c>return</c> of it can be copied: <c>null</c> or <c>default</c> for a reference or nullable result, <c>false</c> for a
    /// Try/Is/Has/Can-style predicate, an empty collection for a collection result, a parameterless result factory such as
    /// <c>NotFound()</c> for a non-primitive result. Numbers and strings are domain values: what they mean depends on the method.
    /// </summary>
    public static bool IsSentinel(string text, MethodShape shape, SyntaxNode? member)
    {
        var expression = SyntaxFactory.ParseExpression(text);
        var type = shape.ValueType;
        var primitive = type is null || type.SpecialType != SpecialType.None || type.TypeKind == TypeKind.Enum
            || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T;
        return expression switch
        {
            LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NullLiteralExpression) => shape.AcceptsNull,
            LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.DefaultLiteralExpression) => shape.AcceptsNull || !primitive,
            DefaultExpressionSyntax => shape.AcceptsNull || !primitive,
            LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.FalseLiteralExpression) =>
                type?.SpecialType == SpecialType.System_Boolean && IsPredicateName(member),
            CollectionExpressionSyntax { Elements.Count: 0 } => IsCollection(type),
            MemberAccessExpressionSyntax { Name.Identifier.Text: "Empty" } => IsCollection(type) || !primitive,
            MemberAccessExpressionSyntax { Name.Identifier.Text: "CompletedTask" } => !primitive,
            InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.Text: "Empty" } } } =>
                IsCollection(type),
            InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Expression: IdentifierNameSyntax } => !primitive,
            BaseObjectCreationExpressionSyntax { Initializer: null } creation => (creation.ArgumentList is null || creation.ArgumentList.Arguments.Count == 0)
                && IsCollection(type),
            _ => false,
        };
    }

    private static bool IsPredicateName(SyntaxNode? member)
    {
        var name = member switch
        {
            MethodDeclarationSyntax m => m.Identifier.Text,
            LocalFunctionStatementSyntax f => f.Identifier.Text,
            PropertyDeclarationSyntax p => p.Identifier.Text,
            AccessorDeclarationSyntax { Parent.Parent: PropertyDeclarationSyntax p } => p.Identifier.Text,
            _ => "",
        };
        return new[] { "Try", "Is", "Has", "Can" }.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)
            && (name.Length == prefix.Length || char.IsUpper(name[prefix.Length])));
    }

    private static bool IsCollection(ITypeSymbol? type) =>
        type is not null && type.SpecialType != SpecialType.System_String
        && (type is IArrayTypeSymbol || type.AllInterfaces.Append(type as INamedTypeSymbol).Any(i => i?.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T));

    private static bool ReturnsNullLiteral(SyntaxNode member) =>
        member.DescendantNodes(n => n == member || !SourceLocator.IsMember(n))
            .OfType<ReturnStatementSyntax>()
            .Any(r => r.Expression is { } e && (e.IsKind(SyntaxKind.NullLiteralExpression) || e.IsKind(SyntaxKind.DefaultLiteralExpression)));

    private static bool IsPortable(SyntaxNode node, SemanticModel model) =>
        node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
            .All(id => model.GetSymbolInfo(id).Symbol is not (ILocalSymbol or IParameterSymbol or IRangeVariableSymbol));

    /// <summary>
    /// True when the guard's body names no local and only parameters that <paramref name="member"/> declares with the same
    /// name and type: <c>throw new NotFound(id)</c> carries over to a sibling that takes the same <c>id</c>.
    /// </summary>
    private static bool PortableInto(AbsenceGuard guard, SyntaxNode? member, SemanticModel model) =>
        guard.Node is IfStatementSyntax ifStatement && PortableInto(ifStatement.Statement, member, model);

    /// <summary>
    /// True when <paramref name="code"/> names no local and only parameters that <paramref name="member"/> declares with the
    /// same name and type, so its text means the same thing pasted into <paramref name="member"/>.
    /// </summary>
    public static bool PortableInto(SyntaxNode code, SyntaxNode? member, SemanticModel model)
    {
        if (member is null || code.SyntaxTree != model.SyntaxTree || member.SyntaxTree != model.SyntaxTree
            || model.GetDeclaredSymbol(member) is not IMethodSymbol target)
        {
            return false;
        }

        foreach (var id in code.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            switch (model.GetSymbolInfo(id).Symbol)
            {
                case ILocalSymbol or IRangeVariableSymbol:
                    return false;
                case IParameterSymbol parameter when !target.Parameters.Any(p => p.Name == parameter.Name && SymbolEqualityComparer.Default.Equals(p.Type, parameter.Type)):
                    return false;
            }
        }

        return true;
    }

    private static bool IsJumpBody(StatementSyntax statement) => statement switch
    {
        BlockSyntax { Statements.Count: 1 } block => IsJumpBody(block.Statements[0]),
        ReturnStatementSyntax or ContinueStatementSyntax or BreakStatementSyntax or ThrowStatementSyntax => true,
        _ => false,
    };

    private static StatementSyntax? NextStatement(StatementSyntax statement) => statement.Parent switch
    {
        BlockSyntax block => block.Statements.SkipWhile(s => s != statement).Skip(1).FirstOrDefault(),
        SwitchSectionSyntax section => section.Statements.SkipWhile(s => s != statement).Skip(1).FirstOrDefault(),
        _ => null,
    };

    private static bool IsThrowIfNull(InvocationExpressionSyntax invocation) =>
        invocation.Expression is MemberAccessExpressionSyntax { Name.Identifier.Text: "ThrowIfNull" } access
        && access.Expression.ToString().EndsWith("ArgumentNullException", StringComparison.Ordinal);

    private static bool IsCoalesceLeft(ExpressionSyntax expression)
    {
        var node = expression;
        while (node.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            node = parenthesized;
        }

        return node.Parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.CoalesceExpression) && binary.Left == node;
    }

    private static int Line(Microsoft.CodeAnalysis.Text.SourceText text, int position) => text.Lines.GetLineFromPosition(position).LineNumber;

    /// <summary>The called method with its type arguments, so <c>FirstOrDefault</c> over products and over customers differ.</summary>
    private static string Origin(IMethodSymbol method) => method.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);

    private static string Display(ISymbol symbol) => symbol.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
}
