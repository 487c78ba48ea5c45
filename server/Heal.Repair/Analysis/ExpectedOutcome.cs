using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>
/// One behaviour for the failing case: return a value, substitute one, skip the item, throw a domain exception….
/// Evidence names outcomes (<see cref="IntentSignal.Outcome"/>), candidate fixes realise them, and a regression test
/// asserts them.
/// </summary>
/// <param name="Kind">What happens.</param>
/// <param name="Value">The C# expression returned or substituted; the exception type for <see cref="OutcomeKind.Throw"/>
/// and <see cref="OutcomeKind.Surface"/>; null otherwise (and for <c>return;</c>).</param>
public sealed record ExpectedOutcome(OutcomeKind Kind, string? Value = null)
{
    public static ExpectedOutcome Returns(string? value) => new(OutcomeKind.Return, value);

    public static ExpectedOutcome Substitutes(string value) => new(OutcomeKind.Substitute, value);

    public static ExpectedOutcome Throws(string exceptionType) => new(OutcomeKind.Throw, exceptionType);

    public static ExpectedOutcome Skip { get; } = new(OutcomeKind.Skip);

    public static ExpectedOutcome Stop { get; } = new(OutcomeKind.Stop);

    public static ExpectedOutcome Propagate { get; } = new(OutcomeKind.Propagate);

    public static ExpectedOutcome CallerFix { get; } = new(OutcomeKind.CallerFix);

    public static ExpectedOutcome Surface(string? exceptionType) => new(OutcomeKind.Surface, exceptionType);

    /// <summary>
    /// The value in a form two spellings of the same thing share: <c>null</c> (also <c>default</c> of a reference),
    /// <c>false</c>, <c>true</c>, <c>0</c> (any numeric zero), <c>empty</c> (<c>""</c>, <c>string.Empty</c>, <c>[]</c>,
    /// <c>Array.Empty&lt;T&gt;()</c>, <c>new List&lt;T&gt;()</c>…), else the text without blanks or qualification by <c>this.</c>.
    /// </summary>
    public string? Canonical => Canon(Value, Kind);

    /// <summary>Same behaviour: same kind and the same canonical value (exception types compared by simple name).</summary>
    public bool SameAs(ExpectedOutcome? other) =>
        other is not null && other.Kind == Kind && string.Equals(Canonical, other.Canonical, StringComparison.Ordinal);

    /// <summary>True for a returned or substituted <c>null</c>.</summary>
    public bool IsNull => Kind is OutcomeKind.Return or OutcomeKind.Substitute && Canonical == "null";

    /// <summary>Plain words for a reviewer: <c>return null</c>, <c>skip the item</c>, <c>throw OrderNotFoundException</c>.</summary>
    public string Describe() => Kind switch
    {
        OutcomeKind.Return => Value is null ? "return without a result" : $"return `{Value}`",
        OutcomeKind.Substitute => $"fall back to `{Value}`",
        OutcomeKind.Skip => "skip the item",
        OutcomeKind.Stop => "stop the loop",
        OutcomeKind.Throw => $"throw {Value}",
        OutcomeKind.Propagate => "propagate null (`?.`)",
        OutcomeKind.Surface => Value is null ? "let the error surface" : $"let the {Value} surface",
        OutcomeKind.CallerFix => "fix the caller that passes the value",
        _ => Kind.ToString(),
    };

    public override string ToString() => Describe();

    private static string? Canon(string? value, OutcomeKind kind)
    {
        if (value is null)
        {
            return null;
        }

        if (kind is OutcomeKind.Throw or OutcomeKind.Surface)
        {
            var simple = value.Trim();
            simple = simple.Contains('.') ? simple[(simple.LastIndexOf('.') + 1)..] : simple;
            return simple.EndsWith("Exception", StringComparison.Ordinal) ? simple : simple + "Exception";
        }

        var expression = SyntaxFactory.ParseExpression(value);
        while (expression is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            expression = expression is ParenthesizedExpressionSyntax p ? p.Expression : ((CastExpressionSyntax)expression).Expression;
        }

        switch (expression)
        {
            case LiteralExpressionSyntax literal:
                switch (literal.Kind())
                {
                    case SyntaxKind.NullLiteralExpression or SyntaxKind.DefaultLiteralExpression:
                        return "null";
                    case SyntaxKind.FalseLiteralExpression:
                        return "false";
                    case SyntaxKind.TrueLiteralExpression:
                        return "true";
                    case SyntaxKind.NumericLiteralExpression when IsZero(literal.Token.Value):
                        return "0";
                    case SyntaxKind.StringLiteralExpression when literal.Token.ValueText.Length == 0:
                        return "empty";
                }

                break;
            case DefaultExpressionSyntax:
                return "null";
            case CollectionExpressionSyntax { Elements.Count: 0 }:
                return "empty";
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Empty" }:
                return "empty";
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Zero", Expression: PredefinedTypeSyntax }:
                return "0";
            case InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } invocation
                when invocation.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "Empty" } }:
                return "empty";
            case BaseObjectCreationExpressionSyntax creation when (creation.ArgumentList is null || creation.ArgumentList.Arguments.Count == 0)
                && creation.Initializer is null or { Expressions.Count: 0 } && IsCollectionName(creation):
                return "empty";
            case ArrayCreationExpressionSyntax { Initializer.Expressions.Count: 0 }:
                return "empty";
            case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } self:
                return self.Name.ToString();
        }

        return string.Concat(expression.ToString().Where(c => !char.IsWhiteSpace(c)));
    }

    private static bool IsZero(object? value) => value switch
    {
        int i => i == 0,
        long l => l == 0,
        uint u => u == 0,
        ulong ul => ul == 0,
        decimal m => m == 0,
        double d => d == 0,
        float f => f == 0,
        _ => false,
    };

    private static bool IsCollectionName(BaseObjectCreationExpressionSyntax creation)
    {
        if (creation is ImplicitObjectCreationExpressionSyntax)
        {
            return false;
        }

        var name = ((ObjectCreationExpressionSyntax)creation).Type switch
        {
            GenericNameSyntax g => g.Identifier.ValueText,
            QualifiedNameSyntax { Right: GenericNameSyntax g } => g.Identifier.ValueText,
            _ => "",
        };
        return name is "List" or "HashSet" or "Dictionary" or "Collection" or "SortedSet" or "Queue" or "Stack" or "LinkedList" or "SortedDictionary" or "SortedList";
    }
}
