using System.Globalization;
using System.Text;

namespace Lumen.Json;

/// <summary>Writes nested dictionaries, lists and scalars as compact JSON.</summary>
public sealed class CompactJsonWriter
{
    private readonly NamingStrategy _naming;

    public CompactJsonWriter(NamingStrategy? naming = null)
    {
        _naming = naming ?? new DefaultNamingStrategy();
    }

    /// <summary>Writes an object whose top-level keys are member names.</summary>
    public string WriteObject(IEnumerable<KeyValuePair<string, object?>> members)
    {
        var sb = new StringBuilder();
        WriteMembers(sb, members, _naming.GetPropertyName);
        return sb.ToString();
    }

    private void WriteMembers(StringBuilder sb, IEnumerable<KeyValuePair<string, object?>> members, Func<string, string> name)
    {
        sb.Append('{');
        var first = true;
        foreach (var (key, value) in members)
        {
            if (!first)
            {
                sb.Append(',');
            }
            first = false;
            WriteString(sb, name(key));
            sb.Append(':');
            WriteValue(sb, value);
        }
        sb.Append('}');
    }

    private void WriteValue(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null: sb.Append("null"); break;
            case string s: WriteString(sb, s); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case DateTimeOffset d: WriteString(sb, d.ToString("O", CultureInfo.InvariantCulture)); break;
            case IFormattable n: sb.Append(n.ToString(null, CultureInfo.InvariantCulture)); break;
            case IEnumerable<KeyValuePair<string, object?>> dictionary: WriteMembers(sb, dictionary, _naming.GetDictionaryKey); break;
            case System.Collections.IEnumerable items:
                sb.Append('[');
                var first = true;
                foreach (var item in items)
                {
                    if (!first) sb.Append(',');
                    first = false;
                    WriteValue(sb, item);
                }
                sb.Append(']');
                break;
            default: WriteString(sb, value.ToString() ?? ""); break;
        }
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < ' ') sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }
}
