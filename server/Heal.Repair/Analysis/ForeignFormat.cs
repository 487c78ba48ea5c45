using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace Heal.Repair.Analysis;

/// <summary>
/// Reads the text a failed parse was given from the exception message, and tells whether that text is a well-formed
/// value in some common culture or format (a decimal with a comma, a date written dd/MM/yyyy or ISO 8601, a number with
/// thousands separators). Such a value is not garbage: rejecting or skipping it silently loses good data, and the right
/// fix is usually the culture or format the data was written in. The message is data; it is only ever matched here.
/// </summary>
public static partial class ForeignFormat
{
    /// <summary>Date layouts that people and programs commonly write, tried with the invariant culture.</summary>
    public static readonly IReadOnlyList<string> DateLayouts =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy/MM/dd", "yyyyMMdd",
        "dd/MM/yyyy", "d/M/yyyy", "MM/dd/yyyy", "M/d/yyyy", "dd/MM/yyyy HH:mm", "MM/dd/yyyy HH:mm", "dd/MM/yyyy HH:mm:ss", "MM/dd/yyyy HH:mm:ss",
        "dd.MM.yyyy", "d.M.yyyy", "dd.MM.yyyy HH:mm", "dd-MM-yyyy", "MM-dd-yyyy",
        "d MMM yyyy", "d MMMM yyyy", "MMM d, yyyy", "MMMM d, yyyy", "ddd, dd MMM yyyy HH:mm:ss 'GMT'",
    ];

    private static readonly string[] s_timeLayouts = ["HH:mm", "H:mm", "HH:mm:ss", "h:mm tt", "h:mmtt", "h tt", "htt", "HH.mm", "HH'h'mm"];

    /// <summary>The text a parse failed on, quoted in its message; null when the message quotes none.</summary>
    public static string? FailedValue(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return null;
        }

        var match = QuotedInput().Match(message);
        return match.Success ? match.Groups["value"].Value : null;
    }

    /// <summary>
    /// What <paramref name="value"/> is when it is well-formed in a common culture or format other than the one that
    /// rejected it (e.g. "a date written dd/MM/yyyy"); null when it is not a value of <paramref name="type"/> anywhere.
    /// </summary>
    public static string? Describe(string value, ITypeSymbol type)
    {
        var text = value.Trim();
        if (text.Length == 0 || text.Length > 64)
        {
            return null;
        }

        if (IsDateType(type))
        {
            return DateLayout(text) is { } layout ? $"a date written {layout}" : null;
        }

        if (type.Name is "TimeOnly" or "TimeSpan" && type.ContainingNamespace?.Name == "System")
        {
            return DateTime.TryParseExact(text, s_timeLayouts, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? "a time of day in another layout" : null;
        }

        if (IsInteger(type))
        {
            return GroupedInteger().IsMatch(text) ? "a whole number with thousands separators" : null;
        }

        if (type.SpecialType is SpecialType.System_Decimal or SpecialType.System_Double or SpecialType.System_Single)
        {
            if (ExponentNumber().IsMatch(text))
            {
                return "a number in exponent notation";
            }

            if (CommaDecimal().IsMatch(text))
            {
                return "a number with a decimal comma";
            }

            return PointDecimal().IsMatch(text) || GroupedInteger().IsMatch(text) ? "a number with a decimal point or thousands separators" : null;
        }

        if (type.TypeKind == TypeKind.Enum && type is INamedTypeSymbol enumType)
        {
            return enumType.MemberNames.Any(m => string.Equals(m, text, StringComparison.OrdinalIgnoreCase) && m != text)
                ? $"a {type.Name} member written in another letter case"
                : null;
        }

        return null;
    }

    /// <summary>The first common date layout <paramref name="text"/> is written in, with the invariant culture; null for none.</summary>
    public static string? DateLayout(string text) =>
        DateLayouts.FirstOrDefault(layout => DateTime.TryParseExact(text.Trim(), layout, CultureInfo.InvariantCulture, DateTimeStyles.None, out _));

    public static bool IsDateType(ITypeSymbol type) =>
        type.SpecialType == SpecialType.System_DateTime
        || type.Name is "DateOnly" or "DateTimeOffset" && type.ContainingNamespace?.Name == "System";

    public static bool IsInteger(ITypeSymbol type) => type.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64
        or SpecialType.System_Int16 or SpecialType.System_Byte or SpecialType.System_UInt32 or SpecialType.System_UInt64
        or SpecialType.System_UInt16 or SpecialType.System_SByte;

    [GeneratedRegex(@"^(?:The input string|The string|String|Requested value) '(?<value>.*)' (?:was not in a correct format|was not recognized as a valid|was not found)", RegexOptions.Singleline)]
    private static partial Regex QuotedInput();

    [GeneratedRegex(@"^[+-]?\d{1,3}(?:(?:,\d{3})+|(?:\.\d{3})+|(?:[ \u00A0\u202F']\d{3})+)$")]
    private static partial Regex GroupedInteger();

    [GeneratedRegex(@"^[+-]?(?:\d{1,3}(?:[.\u00A0\u202F ]\d{3})+|\d+),\d+$")]
    private static partial Regex CommaDecimal();

    [GeneratedRegex(@"^[+-]?(?:\d{1,3}(?:[,\u00A0\u202F ']\d{3})+|\d+)\.\d+$")]
    private static partial Regex PointDecimal();

    /// <summary>The <see cref="WrittenFormat.Format"/> of a documented sample in exponent notation.</summary>
    public const string ExponentFormat = "exponent notation";

    /// <summary>True when <paramref name="text"/> holds a number in exponent notation (<c>1.2e-05</c>, <c>3E+8</c>).</summary>
    public static bool IsExponent(string text) => ExponentInText().IsMatch(text);

    [GeneratedRegex(@"^[+-]?\d+(?:\.\d+)?[eE][+-]?\d+$")]
    private static partial Regex ExponentNumber();

    [GeneratedRegex(@"(?<![\w.])[+-]?\d+(?:\.\d+)?[eE][+-]?\d+(?![\w.])")]
    private static partial Regex ExponentInText();
}
