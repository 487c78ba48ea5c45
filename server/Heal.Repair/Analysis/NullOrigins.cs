using System.Collections.Immutable;
using Heal.Repair.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>
/// Reasons an expression can be null, read from the code: what a local was assigned from (<c>*OrDefault</c>, <c>as</c>,
/// <c>TryGetValue</c> out values, methods annotated <c>T?</c> or whose body returns null), nullable declarations,
/// fields set to null or never initialised, and the compiler's nullable flow state. Pure: no I/O, never throws on
/// code with errors.
/// </summary>
public static class NullOrigins
{
    private const int MaxDepth = 3;

    /// <summary>True when <paramref name="expression"/> can never be null (<c>this</c>, <c>new</c>, literals, value types…).</summary>
    public static bool CannotBeNull(ExpressionSyntax expression, SemanticModel model)
    {
        expression = AbsenceConventions.Unwrap(expression);
        switch (expression)
        {
            case ThisExpressionSyntax or BaseExpressionSyntax or ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax
                or ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax or InterpolatedStringExpressionSyntax
                or TypeOfExpressionSyntax or CollectionExpressionSyntax or AnonymousObjectCreationExpressionSyntax
                or AnonymousFunctionExpressionSyntax or PredefinedTypeSyntax:
                return true;
            case LiteralExpressionSyntax literal:
                return !literal.IsKind(SyntaxKind.NullLiteralExpression) && !literal.IsKind(SyntaxKind.DefaultLiteralExpression);
            case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "nameof" } }:
                return true;
            case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression):
                return coalesce.Right is ThrowExpressionSyntax || CannotBeNull(coalesce.Right, model);
        }

        // A declaration's initializer may sit in another file or project: ask its own tree's model, or claim nothing.
        if (SemanticModels.For(expression, model) is not { } own)
        {
            return false;
        }

        model = own;
        var symbol = model.GetSymbolInfo(expression).Symbol;
        if (symbol is INamespaceOrTypeSymbol or IMethodSymbol { MethodKind: not MethodKind.Ordinary and not MethodKind.ReducedExtension })
        {
            return true;
        }

        if (symbol is IMethodSymbol && expression is not InvocationExpressionSyntax)
        {
            return true;
        }

        var type = model.GetTypeInfo(expression).Type;
        return type is not null && type.IsValueType && type.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T
            && type.TypeKind != TypeKind.TypeParameter;
    }

    /// <summary>
    /// True for a field or property of this file's type that is initialised with a non-null value (<c>= new()</c>) and
    /// only ever assigned non-null values anywhere in its type.
    /// </summary>
    public static bool AlwaysNonNull(ExpressionSyntax expression, SemanticModel model)
    {
        if (SemanticModels.For(expression, model) is not { } own)
        {
            return false;
        }

        model = own;
        var symbol = model.GetSymbolInfo(AbsenceConventions.Unwrap(expression)).Symbol;
        if (symbol is not (IFieldSymbol or IPropertySymbol) || symbol.ContainingType is null)
        {
            return false;
        }

        var initializer = symbol.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).Select(d => d switch
        {
            VariableDeclaratorSyntax v => v.Initializer?.Value,
            PropertyDeclarationSyntax p => p.Initializer?.Value,
            _ => null,
        }).FirstOrDefault(v => v is not null);
        if (initializer is null || !CannotBeNull(initializer, model))
        {
            return false;
        }

        // Assignments are read with the model of the file the type is declared in; a type spread over files is unknown.
        model = SemanticModels.For(initializer, model) ?? model;
        foreach (var declaration in symbol.ContainingType.DeclaringSyntaxReferences.Select(r => r.GetSyntax()))
        {
            if (declaration.SyntaxTree != model.SyntaxTree)
            {
                return false;
            }

            foreach (var assignment in declaration.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                if (SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(assignment.Left).Symbol?.OriginalDefinition, symbol.OriginalDefinition)
                    && !CannotBeNull(assignment.Right, model))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The reasons <paramref name="expression"/> can be null, strongest first; empty when the code shows none.</summary>
    public static ImmutableArray<NullSignal> Explain(ExpressionSyntax expression, SemanticModel model) =>
        Explain(expression, model, 0).OrderByDescending(s => s.Weight).ToImmutableArray();

    /// <summary>The reasons a value assigned from <paramref name="value"/> can be null (the right-hand side itself).</summary>
    public static ImmutableArray<NullSignal> ExplainValue(ExpressionSyntax value, SemanticModel model) =>
        FromValue(value, model, 0).OrderByDescending(s => s.Weight).ToImmutableArray();

    /// <summary>True when the reasons say absence is a designed outcome rather than a broken invariant.</summary>
    public static bool ByDesign(IEnumerable<NullSignal> signals) =>
        signals.Any(s => s.Kind is NullSignalKind.NullLiteral or NullSignalKind.OrDefaultCall or NullSignalKind.AsCast
            or NullSignalKind.TryGetOut or NullSignalKind.ConditionalAccess or NullSignalKind.NullableAnnotation
            or NullSignalKind.ReturnsNull or NullSignalKind.CheckedElsewhere or NullSignalKind.FlowState);

    private static List<NullSignal> Explain(ExpressionSyntax expression, SemanticModel model, int depth)
    {
        var signals = new List<NullSignal>();
        expression = AbsenceConventions.Unwrap(expression);
        if (depth > MaxDepth || CannotBeNull(expression, model) || SemanticModels.For(expression, model) is not { } own)
        {
            return signals;
        }

        model = own;

        if (model.GetTypeInfo(expression).Nullability.FlowState == NullableFlowState.MaybeNull)
        {
            signals.Add(new NullSignal(NullSignalKind.FlowState, "the compiler's nullable analysis says it may be null here", 0.25, expression));
        }

        var symbol = model.GetSymbolInfo(expression).Symbol;
        switch (symbol)
        {
            case ILocalSymbol local:
                signals.AddRange(FromLocal(local, expression, model, depth));
                break;
            case IParameterSymbol parameter:
                if (DeclaredNullable(parameter))
                {
                    signals.Add(new NullSignal(NullSignalKind.NullableAnnotation, $"parameter `{parameter.Name}` is declared nullable", 0.35, Declaration(parameter)));
                }

                if (parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is null && !parameter.Type.IsValueType)
                {
                    signals.Add(new NullSignal(NullSignalKind.NullLiteral, $"parameter `{parameter.Name}` defaults to null", 0.35, Declaration(parameter)));
                }

                break;
            case IFieldSymbol or IPropertySymbol:
                signals.AddRange(FromMember(symbol, model));
                break;
            case IMethodSymbol:
                if (expression is InvocationExpressionSyntax)
                {
                    signals.AddRange(FromValue(expression, model, depth));
                }

                break;
        }

        if (expression is ConditionalAccessExpressionSyntax or BinaryExpressionSyntax)
        {
            signals.AddRange(FromValue(expression, model, depth));
        }

        return signals;
    }

    private static IEnumerable<NullSignal> FromValue(ExpressionSyntax value, SemanticModel model, int depth)
    {
        value = AbsenceConventions.Unwrap(value);
        if (value is AwaitExpressionSyntax awaited)
        {
            value = AbsenceConventions.Unwrap(awaited.Expression);
        }

        if (SemanticModels.For(value, model) is not { } own)
        {
            yield break;
        }

        model = own;
        switch (value)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NullLiteralExpression) || literal.IsKind(SyntaxKind.DefaultLiteralExpression):
                yield return new NullSignal(NullSignalKind.NullLiteral, "assigned `null`", 0.5, value);
                yield break;
            case BinaryExpressionSyntax cast when cast.IsKind(SyntaxKind.AsExpression):
                yield return new NullSignal(NullSignalKind.AsCast, $"the result of `{value}`, which is null when the object is not a `{cast.Right}`", 0.4, value);
                yield break;
            case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression):
                foreach (var signal in FromValue(coalesce.Right, model, depth + 1))
                {
                    yield return signal;
                }

                yield break;
            case ConditionalAccessExpressionSyntax:
                yield return new NullSignal(NullSignalKind.ConditionalAccess, $"the result of `{value}`, which is null when `{((ConditionalAccessExpressionSyntax)value).Expression}` is", 0.4, value);
                yield break;
            case ConditionalExpressionSyntax conditional:
                if (conditional.WhenTrue.IsKind(SyntaxKind.NullLiteralExpression) || conditional.WhenFalse.IsKind(SyntaxKind.NullLiteralExpression))
                {
                    yield return new NullSignal(NullSignalKind.NullLiteral, $"`{value}`, which yields null on one branch", 0.4, value);
                }

                yield break;
            case InvocationExpressionSyntax invocation:
                if (model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol method)
                {
                    yield break;
                }

                if (method.Name.EndsWith("OrDefault", StringComparison.Ordinal) && !method.ReturnType.IsValueType)
                {
                    yield return new NullSignal(NullSignalKind.OrDefaultCall, $"the result of `{method.Name}`, which returns null when nothing matches", 0.45, value);
                    yield break;
                }

                if (ReturnsAnnotatedNullable(method))
                {
                    yield return new NullSignal(NullSignalKind.NullableAnnotation, $"the result of `{method.Name}`, whose return is declared nullable", 0.35, value);
                    yield break;
                }

                if (depth < MaxDepth && BodyReturnsNull(method) is { } nullReturn)
                {
                    yield return new NullSignal(NullSignalKind.ReturnsNull, $"the result of `{method.Name}`, which returns null on some paths", 0.35, nullReturn);
                }

                yield break;
            case IdentifierNameSyntax or MemberAccessExpressionSyntax or ElementAccessExpressionSyntax:
                foreach (var signal in Explain(value, model, depth + 1))
                {
                    yield return signal;
                }

                yield break;
        }
    }

    private static IEnumerable<NullSignal> FromLocal(ILocalSymbol local, ExpressionSyntax use, SemanticModel model, int depth)
    {
        var declaration = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
        if (declaration is VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type: NullableTypeSyntax } })
        {
            yield return new NullSignal(NullSignalKind.NullableAnnotation, $"`{local.Name}` is declared nullable", 0.3, declaration);
        }

        if (declaration is VariableDeclaratorSyntax { Initializer.Value: { } initializer })
        {
            foreach (var signal in FromValue(initializer, model, depth + 1))
            {
                yield return signal;
            }
        }

        var member = declaration is null ? null : AbsenceConventions.MemberOf(declaration);
        if (member is null)
        {
            yield break;
        }

        foreach (var node in member.DescendantNodes())
        {
            if (node.SpanStart >= use.SpanStart && !IsInLoopWith(node, use))
            {
                break;
            }

            switch (node)
            {
                case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(assignment.Left).Symbol, local):
                    foreach (var signal in FromValue(assignment.Right, model, depth + 1))
                    {
                        yield return signal;
                    }

                    break;
                case ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.OutKeyword } argument when Declares(argument, local, model):
                    if (argument.Parent?.Parent is InvocationExpressionSyntax call && model.GetSymbolInfo(call).Symbol is IMethodSymbol tryMethod
                        && tryMethod.Name.StartsWith("Try", StringComparison.Ordinal))
                    {
                        yield return new NullSignal(NullSignalKind.TryGetOut, $"the out value of `{tryMethod.Name}`, which is null when it returns false", 0.3, call);
                    }

                    break;
            }
        }
    }

    private static IEnumerable<NullSignal> FromMember(ISymbol member, SemanticModel model)
    {
        var type = member is IFieldSymbol field ? field.Type : ((IPropertySymbol)member).Type;
        if (type.NullableAnnotation == NullableAnnotation.Annotated && !type.IsValueType)
        {
            yield return new NullSignal(NullSignalKind.NullableAnnotation, $"`{member.Name}` is declared nullable", 0.35, Declaration(member));
        }

        if (member.DeclaringSyntaxReferences.IsEmpty || member.ContainingType is null)
        {
            yield break;
        }

        var declarations = member.ContainingType.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).ToList();
        var assignedInConstructor = false;
        var initialized = member.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is VariableDeclaratorSyntax { Initializer: not null } or PropertyDeclarationSyntax { Initializer: not null } or PropertyDeclarationSyntax { ExpressionBody: not null });
        SyntaxNode? setToNull = null;
        var assignedAnywhere = false;
        foreach (var declaration in declarations)
        {
            if (declaration.SyntaxTree != model.SyntaxTree)
            {
                // Partial types spread over other files: too little is known to claim anything.
                yield break;
            }

            if (declaration is TypeDeclarationSyntax { ParameterList: not null })
            {
                assignedInConstructor = true;
            }

            foreach (var assignment in declaration.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(assignment.Left).Symbol?.OriginalDefinition, member.OriginalDefinition))
                {
                    continue;
                }

                assignedAnywhere = true;
                if (assignment.Right.IsKind(SyntaxKind.NullLiteralExpression) || assignment.Right.IsKind(SyntaxKind.DefaultLiteralExpression))
                {
                    setToNull ??= assignment;
                }

                if (assignment.Ancestors().Any(a => a is ConstructorDeclarationSyntax))
                {
                    assignedInConstructor = true;
                }
            }
        }

        if (setToNull is not null)
        {
            var where = AbsenceConventions.MemberOf(setToNull) is MethodDeclarationSyntax method ? $" in `{method.Identifier.Text}`" : "";
            yield return new NullSignal(NullSignalKind.SetToNull, $"`{member.Name}` is set to null{where}", 0.35, setToNull);
        }
        else if (!initialized && !assignedInConstructor && member is IFieldSymbol { IsReadOnly: false, IsConst: false } && assignedAnywhere)
        {
            yield return new NullSignal(NullSignalKind.NotInitialized, $"`{member.Name}` is assigned only outside the constructors, so it is null until then", 0.25, Declaration(member));
        }
        else if (!initialized && !assignedInConstructor && member is IPropertySymbol { SetMethod: not null } && member.Locations.All(l => l.IsInSource))
        {
            yield return new NullSignal(NullSignalKind.NotInitialized, $"no constructor or initializer sets `{member.Name}`", 0.05, Declaration(member));
        }
    }

    private static bool ReturnsAnnotatedNullable(IMethodSymbol method)
    {
        var definition = method.OriginalDefinition;
        if (definition.ReturnType.IsValueType)
        {
            return false;
        }

        return definition.ReturnNullableAnnotation == NullableAnnotation.Annotated
            || definition.GetReturnTypeAttributes().Any(a => a.AttributeClass?.Name == "MaybeNullAttribute");
    }

    /// <summary>The first <c>return null;</c> of a workspace method's body, when it has one.</summary>
    private static SyntaxNode? BodyReturnsNull(IMethodSymbol method)
    {
        foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
        {
            var body = reference.GetSyntax();
            if (body is MethodDeclarationSyntax { ExpressionBody.Expression: var expressionBody } && IsNullish(expressionBody))
            {
                return expressionBody;
            }

            var found = body.DescendantNodes(n => n == body || !SourceLocator.IsMember(n))
                .OfType<ReturnStatementSyntax>()
                .FirstOrDefault(r => r.Expression is { } e && IsNullish(e));
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static bool IsNullish(ExpressionSyntax expression)
    {
        expression = AbsenceConventions.Unwrap(expression);
        return expression.IsKind(SyntaxKind.NullLiteralExpression) || expression.IsKind(SyntaxKind.DefaultLiteralExpression)
            || expression is ConditionalExpressionSyntax c && (IsNullish(c.WhenTrue) || IsNullish(c.WhenFalse));
    }

    private static bool DeclaredNullable(IParameterSymbol parameter) =>
        parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is ParameterSyntax { Type: NullableTypeSyntax }
        || parameter.Type.NullableAnnotation == NullableAnnotation.Annotated && !parameter.Type.IsValueType && parameter.Locations.Any(l => l.IsInMetadata);

    private static bool Declares(ArgumentSyntax argument, ILocalSymbol local, SemanticModel model) => argument.Expression switch
    {
        DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax designation } => designation.Identifier.Text == local.Name
            && SymbolEqualityComparer.Default.Equals(model.GetDeclaredSymbol(designation), local),
        var e => SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(e).Symbol, local),
    };

    private static bool IsInLoopWith(SyntaxNode node, SyntaxNode use) =>
        node.Ancestors().Any(a => AbsenceConventions.IsLoop(a) && a.Span.Contains(use.Span) && a.Span.Contains(node.Span) && node.SpanStart > use.SpanStart && IsLoopBody(a, node));

    private static bool IsLoopBody(SyntaxNode loop, SyntaxNode node) => loop switch
    {
        ForEachStatementSyntax f => f.Statement.Span.Contains(node.Span),
        ForStatementSyntax f => f.Statement.Span.Contains(node.Span),
        WhileStatementSyntax w => w.Statement.Span.Contains(node.Span),
        DoStatementSyntax d => d.Statement.Span.Contains(node.Span),
        _ => false,
    };

    private static SyntaxNode? Declaration(ISymbol symbol) => symbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
}
