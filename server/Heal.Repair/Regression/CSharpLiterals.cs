using System.Globalization;
using System.Text;
using Heal.Core.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Heal.Repair.Regression;

/// <summary>
/// C# literals written by Roslyn's <see cref="SyntaxFactory.Literal(string)"/>, so a value from an event (which
/// anyone who can reach the app controls) is always one escaped token and never code. Roslyn leaves format characters
/// (bidirectional overrides such as U+202E, zero-width characters) as they are, which would make the test read
/// differently from what it does; they are written as <c>\uXXXX</c> escapes.
/// </summary>
public static class CSharpLiterals
{
    public static string String(string value) =>
        Visible(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value)).ToFullString());

    /// <summary>Zero of a numeric type that throws on division by zero (integers and decimal), else null.</summary>
    public static string? Zero(ITypeSymbol type) => Number(type, 0m);

    /// <summary>A plain value of a simple type (a non-zero number, a short string, false), else null.</summary>
    public static string? Plain(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_String => String("a"),
        SpecialType.System_Char => Token(SyntaxFactory.Literal('a')),
        SpecialType.System_Boolean => "false",
        SpecialType.System_Double => Token(SyntaxFactory.Literal(1d)),
        SpecialType.System_Single => Token(SyntaxFactory.Literal(1f)),
        _ => Number(type, 1m),
    };

    /// <summary>A captured value (always text in an event) as a literal of <paramref name="type"/>, or null when it is not one.</summary>
    public static string? FromCaptured(string raw, ITypeSymbol type)
    {
        var text = raw.Length >= 2 && (raw[0] == '\'' || raw[0] == '"') && raw[^1] == raw[0] ? raw[1..^1] : raw;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            return text is "null" or "None" ? "null" : FromCaptured(text, nullable.TypeArguments[0]);
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String:
                return String(text);
            case SpecialType.System_Char:
                return text.Length == 1 ? Visible(Token(SyntaxFactory.Literal(text[0]))) : null;
            case SpecialType.System_Boolean:
                return bool.TryParse(text, out var b) ? (b ? "true" : "false") : null;
            case SpecialType.System_Double:
                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? Signed(d < 0, Token(SyntaxFactory.Literal(Math.Abs(d)))) : null;
            case SpecialType.System_Single:
                return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && float.IsFinite(f) ? Signed(f < 0, Token(SyntaxFactory.Literal(Math.Abs(f)))) : null;
            default:
                return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? Number(type, m) : null;
        }
    }

    /// <summary>Every invisible character of a literal's text as a <c>\uXXXX</c> escape (valid in regular string and char literals).</summary>
    private static string Visible(string literal)
    {
        if (!literal.Any(c => VisibleText.IsUnsafe(c)))
        {
            return literal;
        }

        var builder = new StringBuilder(literal.Length + 8);
        foreach (var c in literal)
        {
            if (VisibleText.IsUnsafe(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string? Number(ITypeSymbol type, decimal value)
    {
        var negative = value < 0;
        var magnitude = Math.Abs(value);
        try
        {
            return type.SpecialType switch
            {
                SpecialType.System_Decimal => Signed(negative, Token(SyntaxFactory.Literal(magnitude))),
                SpecialType.System_Int32 when magnitude == decimal.Truncate(magnitude) => Signed(negative, Token(SyntaxFactory.Literal(checked((int)magnitude)))),
                SpecialType.System_Int64 when magnitude == decimal.Truncate(magnitude) => Signed(negative, Token(SyntaxFactory.Literal(checked((long)magnitude)))),
                SpecialType.System_Int16 when magnitude == decimal.Truncate(magnitude) => Cast("short", negative, checked((short)magnitude)),
                SpecialType.System_SByte when magnitude == decimal.Truncate(magnitude) => Cast("sbyte", negative, checked((sbyte)magnitude)),
                SpecialType.System_Byte when !negative && magnitude == decimal.Truncate(magnitude) => Cast("byte", false, checked((byte)magnitude)),
                SpecialType.System_UInt16 when !negative && magnitude == decimal.Truncate(magnitude) => Cast("ushort", false, checked((ushort)magnitude)),
                SpecialType.System_UInt32 when !negative && magnitude == decimal.Truncate(magnitude) => Token(SyntaxFactory.Literal(checked((uint)magnitude))),
                SpecialType.System_UInt64 when !negative && magnitude == decimal.Truncate(magnitude) => Token(SyntaxFactory.Literal(checked((ulong)magnitude))),
                _ => null,
            };
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static string Cast(string type, bool negative, int magnitude) => $"({type}){Signed(negative, Token(SyntaxFactory.Literal(magnitude)))}";

    private static string Signed(bool negative, string literal) => negative ? "-" + literal : literal;

    /// <summary>The token's text, with the suffix most code writes: <c>1m</c>, <c>1d</c>, <c>1f</c> (but <c>1L</c>, never the l that reads as 1).</summary>
    private static string Token(SyntaxToken token)
    {
        var text = token.ToString();
        return token.IsKind(SyntaxKind.NumericLiteralToken) && text.Length > 1 && text[^1] is 'M' or 'D' or 'F' ? text[..^1] + char.ToLowerInvariant(text[^1]) : text;
    }
}
