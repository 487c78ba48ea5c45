using System.Text;

namespace Lumen.Json;

internal static class StringUtils
{
    /// <summary>
    /// Lower-cases the leading run of capitals, keeping the last one when a lower-case letter follows it:
    /// <c>Name</c> becomes <c>name</c>, <c>URLValue</c> becomes <c>urlValue</c>, <c>ID</c> becomes <c>id</c>.
    /// </summary>
    /// <returns><paramref name="s"/> itself when it does not start with an upper-case letter.</returns>
    public static string ToCamelCase(string s)
    {
        if (!char.IsUpper(s[0]))
        {
            return s;
        }

        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var nextIsLower = i + 1 < chars.Length && !char.IsUpper(chars[i + 1]);
            if (i > 0 && nextIsLower)
            {
                break;
            }
            chars[i] = char.ToLowerInvariant(chars[i]);
        }
        return new string(chars);
    }

    /// <summary><c>UserId</c> becomes <c>user_id</c>, <c>URLValue</c> becomes <c>url_value</c>.</summary>
    public static string ToSnakeCase(string s)
    {
        if (string.IsNullOrEmpty(s))
        {
            return s;
        }

        var sb = new StringBuilder(s.Length + 4);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsUpper(c))
            {
                var previousIsLower = i > 0 && char.IsLower(s[i - 1]);
                var nextIsLower = i + 1 < s.Length && char.IsLower(s[i + 1]);
                if (i > 0 && s[i - 1] != '_' && (previousIsLower || (nextIsLower && char.IsUpper(s[i - 1]))))
                {
                    sb.Append('_');
                }
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
