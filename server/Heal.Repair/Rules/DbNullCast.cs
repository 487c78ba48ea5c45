using Heal.Core.Model;
using Heal.Repair.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Rules;

/// <summary>
/// <c>(T)value</c> where <c>value</c> is the <c>DBNull.Value</c> an ADO.NET reader returns for a NULL column, and the value's
/// destination (the parameter it is passed to, the property, field or local it is assigned to, the member it is returned
/// from) is declared nullable (<c>string?</c>, <c>DateTime?</c>): the cast becomes <c>value is DBNull ? null : (T)value</c>.
/// The destination's annotation is the evidence; a destination not declared nullable (or in nullable-oblivious code) declines,
/// since nothing then says a missing value is allowed there.
/// </summary>
internal static class DbNullCast
{
    /// <summary>The fix or decline for a DBNull cast; null when the exception is not about <c>DBNull</c> or no single cast of an <c>object</c> is on the line.</summary>
    public static RuleResult? Apply(CrashSite site, List<Evidence> evidence, CancellationToken cancellationToken)
    {
        if (site.Exception.Value?.Contains("'System.DBNull'", StringComparison.Ordinal) != true)
        {
            return null;
        }

        var source = site.Throwing;
        var model = source.SemanticModel;
        var casts = RuleKit.OnLine<CastExpressionSyntax>(source)
            .Where(c => model.GetTypeInfo(c.Expression, cancellationToken).Type is { SpecialType: SpecialType.System_Object })
            .ToList();
        if (casts.Count != 1)
        {
            return null;
        }

        var cast = casts[0];
        var operand = ExitPaths.Unparenthesize(cast.Expression);
        var target = model.GetTypeInfo(cast.Type, cancellationToken).Type;
        var rootCause = $"`{cast}` reads a database NULL: the reader returns `DBNull.Value` for it, which is no `{cast.Type}`.";
        if (target is null || target.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T || !RuleKit.IsSimple(operand))
        {
            return RuleResult.Decline(rootCause, "the cast or its operand is not a plain read of a column, so no NULL test can be written around it", [.. evidence]);
        }

        if (Destination(cast, model, cancellationToken) is not { } destination)
        {
            return RuleResult.Decline(rootCause, "the value is not passed, assigned or returned to a declared destination, so nothing says whether a missing value is allowed", [.. evidence]);
        }

        var (symbol, type) = destination;
        if (!AllowsNull(type, target))
        {
            return RuleResult.Decline(rootCause, $"`{symbol.Name}` is declared `{type.ToDisplayString()}`, not nullable, so nothing says a NULL column is allowed there", [.. evidence]);
        }

        var dbNull = RuleKit.Binds(model, cast.SpanStart, "DBNull.Value") ? "DBNull" : "System.DBNull";
        var nothing = target.IsValueType ? $"({cast.Type}?)null" : "null";
        var replacement = $"{operand} is {dbNull} ? {nothing} : {cast}";
        if (!target.IsValueType && !FallbackTyping.Fits(cast, replacement, model))
        {
            return RuleResult.Decline(rootCause, "a NULL test does not type-check where the cast stands", [.. evidence]);
        }

        var written = NeedsParentheses(cast) ? $"({replacement})" : replacement;
        if (symbol.Locations.FirstOrDefault(l => l.IsInSource) is { } declared && declared.SourceTree is { } tree)
        {
            var (path, line) = new IntentLocator(source).Locate(tree, declared.SourceSpan.Start);
            evidence.Add(new Evidence(path, line, $"{type.ToDisplayString()} {symbol.Name}", "the destination is declared nullable"));
        }

        return RuleKit.Fix(rootCause + $" `{symbol.Name}` is declared `{type.ToDisplayString()}`, so a NULL column is an allowed value.",
            "A database NULL read with a direct cast into a value the code declares nullable.",
            "dbnull-to-null",
            [(0.4, "the reader returned DBNull.Value for the column"), (0.25, $"`{symbol.Name}` is declared nullable (`{type.ToDisplayString()}`)")],
            evidence, RuleKit.Edit(source, new TextChange(cast.Span, written)));
    }

    /// <summary>The symbol the cast's value goes to and its declared type: a parameter, an assigned member or local, or the enclosing member's return.</summary>
    private static (ISymbol Symbol, ITypeSymbol Type)? Destination(CastExpressionSyntax cast, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode node = cast;
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        switch (node.Parent)
        {
            case ArgumentSyntax argument when model.GetOperation(argument, cancellationToken) is Microsoft.CodeAnalysis.Operations.IArgumentOperation { Parameter: { } parameter }:
                return (parameter, parameter.Type);
            case AssignmentExpressionSyntax assignment when assignment.Right == node && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                return model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol switch
                {
                    IPropertySymbol property => (property, property.Type),
                    IFieldSymbol field => (field, field.Type),
                    ILocalSymbol local => (local, local.Type),
                    IParameterSymbol parameter => (parameter, parameter.Type),
                    _ => null,
                };
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type.IsVar: false } } declarator }
                when model.GetDeclaredSymbol(declarator, cancellationToken) is ILocalSymbol or IFieldSymbol:
                var declared = model.GetDeclaredSymbol(declarator, cancellationToken)!;
                return (declared, declared is ILocalSymbol l ? l.Type : ((IFieldSymbol)declared).Type);
            case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } when model.GetDeclaredSymbol(property, cancellationToken) is { } symbol:
                return (symbol, symbol.Type);
            case ReturnStatementSyntax or ArrowExpressionClauseSyntax
                when model.GetEnclosingSymbol(cast.SpanStart, cancellationToken) is IMethodSymbol { IsAsync: false, ReturnsVoid: false } method:
                return (method.AssociatedSymbol ?? method, method.ReturnType);
            default:
                return null;
        }
    }

    /// <summary>True when <paramref name="type"/> is <c>T?</c> of the cast's type: a nullable value type, or an annotated reference.</summary>
    private static bool AllowsNull(ITypeSymbol type, ITypeSymbol target) => target.IsValueType
        ? type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
            && SymbolEqualityComparer.Default.Equals(nullable.TypeArguments[0], target)
        : type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated;

    private static bool NeedsParentheses(CastExpressionSyntax cast) =>
        cast.Parent is not (ArgumentSyntax or EqualsValueClauseSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax or ParenthesizedExpressionSyntax)
        && !(cast.Parent is AssignmentExpressionSyntax assignment && assignment.Right == cast);
}
