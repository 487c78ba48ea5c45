using System.Text;

namespace Heal.Delivery;

/// <summary>Branch names are <c>heal/&lt;short-group-id&gt;-&lt;slug&gt;</c>; everything from the event is reduced to <c>[a-z0-9-]</c>.</summary>
public static class BranchNaming
{
    public static string For(string groupId, string exceptionType, string? function)
    {
        var shortId = new string(groupId.Where(char.IsAsciiHexDigit).Take(8).ToArray()).ToLowerInvariant();
        if (shortId.Length == 0)
        {
            shortId = "event";
        }

        var type = exceptionType.Contains('.') ? exceptionType[(exceptionType.LastIndexOf('.') + 1)..] : exceptionType;
        type = type.EndsWith("Exception", StringComparison.Ordinal) && type.Length > "Exception".Length ? type[..^"Exception".Length] : type;
        var method = function is null ? null : MethodName(function);
        var slug = Slug(method is null ? type : $"{type} in {method}");
        return slug.Length == 0 ? $"heal/{shortId}" : $"heal/{shortId}-{slug}";
    }

    /// <summary><c>decimal Shop.PriceCalculator.Discounted(Customer c, decimal p)</c> → <c>Discounted</c>.</summary>
    public static string MethodName(string function)
    {
        var name = function;
        var paren = name.IndexOf('(');
        if (paren >= 0)
        {
            name = name[..paren];
        }

        name = name.Trim();
        var space = name.LastIndexOf(' ');
        if (space >= 0)
        {
            name = name[(space + 1)..];
        }

        var dot = name.LastIndexOf('.');
        return dot >= 0 ? name[(dot + 1)..] : name;
    }

    private static string Slug(string text)
    {
        var builder = new StringBuilder();
        var previous = char.MinValue;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                // Split camel case: NullReference -> null-reference.
                if (char.IsAsciiLetterUpper(c) && i > 0 && char.IsAsciiLetterLower(text[i - 1]) && previous != '-')
                {
                    builder.Append('-');
                }

                previous = char.ToLowerInvariant(c);
                builder.Append(previous);
            }
            else if (previous != '-' && builder.Length > 0)
            {
                previous = '-';
                builder.Append('-');
            }

            if (builder.Length >= 48)
            {
                break;
            }
        }

        return builder.ToString().Trim('-');
    }
}
