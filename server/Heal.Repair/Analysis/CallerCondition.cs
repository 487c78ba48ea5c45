using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Heal.Repair.Analysis;

/// <summary>
/// Restates an expression of a called method in a caller's terms, so the caller can test a precondition before it calls:
/// the callee's parameters become the arguments the caller passes, the callee's own members are read through the receiver
/// the caller calls it on, constants are named as the caller can name them. Every part must bind at the caller, with the
/// accessibility the caller has; otherwise the precondition is not the caller's to check and the result is null.
/// </summary>
public sealed class CallerCondition
{
    private readonly SemanticModel _calleeModel;
    private readonly IMethodSymbol _callee;
    private readonly SyntaxNode _call;
    private readonly SemanticModel _callerModel;
    private readonly int _position;

    /// <param name="calleeModel">The semantic model of the callee's code.</param>
    /// <param name="callee">The called method.</param>
    /// <param name="call">The invocation or object creation at the caller.</param>
    /// <param name="callerModel">The semantic model of the caller's code.</param>
    /// <param name="position">Where the restated expression will be written.</param>
    public CallerCondition(SemanticModel calleeModel, IMethodSymbol callee, SyntaxNode call, SemanticModel callerModel, int position)
    {
        _calleeModel = calleeModel;
        _callee = callee;
        _call = call;
        _callerModel = callerModel;
        _position = position;
    }

    /// <summary>The receiver the caller calls an instance method on (<c>order</c> in <c>order.Ship()</c>); null for static calls.</summary>
    public ExpressionSyntax? Receiver => _call is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } && !_callee.IsStatic ? access.Expression : null;

    /// <summary><paramref name="expression"/> (code of the callee) as the caller would write it; null when a part has no caller equivalent.</summary>
    public string? Restate(ExpressionSyntax expression)
    {
        var changes = new List<TextChange>();
        foreach (var node in expression.DescendantNodesAndSelf(n => !changes.Any(c => c.Span.Contains(n.Span))))
        {
            if (changes.Any(c => c.Span.Contains(node.Span)))
            {
                continue;
            }

            switch (node)
            {
                case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } self:
                    if (Member(self.Name, _calleeModel.GetSymbolInfo(self).Symbol) is not { } viaReceiver)
                    {
                        return null;
                    }

                    changes.Add(new TextChange(self.Span, viaReceiver));
                    break;
                case ThisExpressionSyntax or BaseExpressionSyntax:
                    return null;
                case SimpleNameSyntax name when !IsMemberName(name):
                    var symbol = _calleeModel.GetSymbolInfo(name).Symbol ?? _calleeModel.GetSymbolInfo(name).CandidateSymbols.FirstOrDefault();
                    if (Rename(name, symbol) is not { } replacement)
                    {
                        return null;
                    }

                    changes.Add(new TextChange(name.Span, replacement));
                    break;
            }
        }

        var text = SourceText.From(expression.ToString());
        var shifted = changes.Select(c => new TextChange(new TextSpan(c.Span.Start - expression.SpanStart, c.Span.Length), c.NewText!));
        var restated = text.WithChanges(shifted.OrderBy(c => c.Span.Start)).ToString();
        return Binds(restated) ? restated : null;
    }

    /// <summary>True when <paramref name="text"/> binds at the caller without errors.</summary>
    public bool Binds(string text)
    {
        var parsed = SyntaxFactory.ParseExpression(text);
        if (parsed.ContainsDiagnostics)
        {
            return false;
        }

        var type = _callerModel.GetSpeculativeTypeInfo(_position, parsed, SpeculativeBindingOption.BindAsExpression).Type;
        if (type is null or { TypeKind: TypeKind.Error })
        {
            return false;
        }

        // Every name and member access must resolve to something the caller can see (a private member does not).
        foreach (var node in parsed.DescendantNodesAndSelf().OfType<ExpressionSyntax>()
                     .Where(n => n is MemberAccessExpressionSyntax or IdentifierNameSyntax && !(n.Parent is MemberAccessExpressionSyntax m && m.Name == n)))
        {
            var info = _callerModel.GetSpeculativeSymbolInfo(_position, node, SpeculativeBindingOption.BindAsExpression);
            if (info.Symbol is null && info.CandidateReason != CandidateReason.MemberGroup
                && (node is not IdentifierNameSyntax || _callerModel.GetSpeculativeSymbolInfo(_position, node, SpeculativeBindingOption.BindAsTypeOrNamespace).Symbol is null))
            {
                return false;
            }
        }

        return true;
    }

    private string? Rename(SimpleNameSyntax name, ISymbol? symbol)
    {
        switch (symbol)
        {
            case IParameterSymbol parameter when SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol?.OriginalDefinition, _callee.OriginalDefinition):
                var argument = CallSites.ArgumentOf(_call, _callerModel, parameter.Name, parameter.Ordinal);
                if (argument is null)
                {
                    return parameter.HasExplicitDefaultValue && Literal(parameter.ExplicitDefaultValue) is { } fallback ? fallback : null;
                }

                return argument is IdentifierNameSyntax or LiteralExpressionSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax
                    ? argument.ToString()
                    : $"({argument})";
            case IFieldSymbol or IPropertySymbol or IMethodSymbol when !symbol.IsStatic && symbol.ContainingType is not null
                                                                    && InheritsFrom(_callee.ContainingType, symbol.ContainingType):
                return Member(name, symbol);
            case IFieldSymbol or IPropertySymbol or IMethodSymbol or INamedTypeSymbol when symbol.IsStatic || symbol is INamedTypeSymbol || symbol is IFieldSymbol { IsConst: true }:
                var minimal = symbol is IMethodSymbol method
                    ? $"{method.ContainingType.ToMinimalDisplayString(_callerModel, _position)}.{method.Name}"
                    : symbol.ToMinimalDisplayString(_callerModel, _position);
                return minimal;
            default:
                return null;
        }
    }

    /// <summary>An instance member of the callee, read through the caller's receiver.</summary>
    private string? Member(SimpleNameSyntax name, ISymbol? symbol)
    {
        if (symbol is null || symbol.IsStatic || _callee.MethodKind == MethodKind.Constructor || Receiver is not { } receiver || !IsSimple(receiver))
        {
            return null;
        }

        return $"{receiver}.{name}";
    }

    private static bool InheritsFrom(INamedTypeSymbol? type, INamedTypeSymbol owner)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, owner.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMemberName(SimpleNameSyntax name) =>
        name.Parent is MemberAccessExpressionSyntax access && access.Name == name
        || name.Parent is MemberBindingExpressionSyntax
        || name.Parent is NameColonSyntax;

    private static bool IsSimple(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax or ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax m => IsSimple(m.Expression),
        ParenthesizedExpressionSyntax p => IsSimple(p.Expression),
        _ => false,
    };

    private static string? Literal(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        int i => i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        long l => l.ToString(System.Globalization.CultureInfo.InvariantCulture) + "L",
        string s => SymbolDisplay.FormatLiteral(s, quote: true),
        _ => null,
    };
}
