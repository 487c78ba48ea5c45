using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Analysis;

/// <summary>
/// The roles of a parse call's arguments (<c>DateTime.ParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture)</c>):
/// the text, the format, the culture, the styles; so a rule can rewrite the parse in another culture or format.
/// </summary>
/// <param name="Invocation">The parse call.</param>
/// <param name="MethodName"><c>Parse</c>, <c>ParseExact</c>, <c>ToDecimal</c>….</param>
/// <param name="Receiver">The type the call is made on, as written (<c>DateTime</c>, <c>decimal</c>, <c>Convert</c>, <c>Enum</c>).</param>
/// <param name="TypeText">The parsed type as the code can name it (<c>DateTime</c> for <c>Convert.ToDateTime</c>).</param>
/// <param name="Input">The text argument.</param>
/// <param name="Culture">The culture the parse reads the text in (the machine's when none is given).</param>
/// <param name="ProviderCode">The culture argument as written; null when none.</param>
/// <param name="Format">The format's value for a single-format <c>ParseExact</c>; null otherwise.</param>
/// <param name="FormatCode">The format argument as written; null when none.</param>
/// <param name="Styles">The styles argument as written; null when none.</param>
/// <param name="IgnoresCase">An enum parse that already ignores case.</param>
public sealed record ParseShape(
    InvocationExpressionSyntax Invocation,
    string MethodName,
    string Receiver,
    string TypeText,
    string Input,
    FormatCulture Culture,
    string? ProviderCode,
    string? Format,
    string? FormatCode,
    string? Styles,
    bool IgnoresCase)
{
    public static ParseShape Of(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        var receiver = invocation.Expression is MemberAccessExpressionSyntax access ? access.Expression.ToString() : method.ContainingType.Name;
        var typeText = method.ContainingType.Name == "Convert" ? method.ReturnType.ToMinimalDisplayString(model, invocation.SpanStart) : receiver;
        string input = "";
        var culture = FormatCulture.Current;
        string? provider = null, format = null, formatCode = null, styles = null;
        var ignoresCase = false;
        var arguments = invocation.ArgumentList.Arguments;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            var parameter = argument.NameColon is { } named
                ? method.Parameters.FirstOrDefault(p => p.Name == named.Name.Identifier.ValueText)
                : method.Parameters.ElementAtOrDefault(i);
            if (parameter is null)
            {
                continue;
            }

            var type = parameter.Type;
            if (type.Name == "IFormatProvider")
            {
                provider = argument.Expression.ToString();
                culture = argument.Expression.IsKind(SyntaxKind.NullLiteralExpression) ? FormatCulture.Current : WrittenFormats.CultureOf(argument.Expression, model, cancellationToken);
            }
            else if (type.Name is "NumberStyles" or "DateTimeStyles")
            {
                styles = argument.Expression.ToString();
            }
            else if (type.SpecialType == SpecialType.System_Boolean && parameter.Name == "ignoreCase")
            {
                ignoresCase = model.GetConstantValue(argument.Expression, cancellationToken) is { HasValue: true, Value: true };
            }
            else if (parameter.Name == "format" || type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_String } && parameter.Name == "formats")
            {
                formatCode = argument.Expression.ToString();
                format = model.GetConstantValue(argument.Expression, cancellationToken) is { HasValue: true, Value: string value } ? value : null;
            }
            else if (type.SpecialType == SpecialType.System_String || type.Name == "ReadOnlySpan")
            {
                input = input.Length == 0 ? argument.Expression.ToString() : input;
            }
        }

        return new ParseShape(invocation, method.Name, receiver, typeText, input, culture, provider, format, formatCode, styles, ignoresCase);
    }
}
