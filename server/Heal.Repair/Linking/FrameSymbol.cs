using System.Collections.Immutable;

namespace Heal.Repair.Linking;

/// <summary>
/// The namespace, type and method a frame names, read from its <c>module</c> and <c>function</c> in the
/// shapes .NET SDKs report: <c>int Worker.Helper(int a, int b)</c>, <c>Ns.Type.Method</c>, async state
/// machines (<c>Ns.Type+&lt;RunAsync&gt;d__5</c> / <c>MoveNext</c>), lambdas (<c>&lt;Main&gt;b__0_0</c>,
/// <c>Ns.Type+&lt;&gt;c</c>), constructors (<c>.ctor</c>). Any part may be unknown.
/// </summary>
/// <param name="Namespace">Dotted namespace, when the module carries one.</param>
/// <param name="Types">Type names outermost first (nested types after their container), without generic arity.</param>
/// <param name="Method">The source method name; for a constructor, the type name.</param>
public sealed record FrameSymbol(string? Namespace, ImmutableArray<string> Types, string? Method)
{
    public static FrameSymbol Empty { get; } = new(null, ImmutableArray<string>.Empty, null);

    public string? TypeName => Types.IsEmpty ? null : Types[^1];

    public static FrameSymbol Parse(string? module, string? function)
    {
        var (moduleParts, moduleLast) = SplitQualified(module);
        if (moduleLast is not null)
        {
            moduleParts.Add(moduleLast);
        }

        var (functionParts, method) = SplitQualified(StripSignature(function));
        method = method?.TrimStart('+');

        // The module, when present, is the fully qualified type; the function may repeat part of it.
        var typeParts = moduleParts.Count > 0 ? moduleParts : functionParts;
        var outer = new List<string>();
        var nested = new List<string>();
        foreach (var part in typeParts)
        {
            var name = part.TrimStart('+');
            if (name.StartsWith('<'))
            {
                // A state machine or closure class: the method it belongs to is in its name.
                var inner = CompilerGeneratedName(name);
                if (inner is not null && (method is null or "MoveNext" || method.StartsWith('<')))
                {
                    method = inner;
                }
            }
            else if (part.StartsWith('+') || nested.Count > 0)
            {
                nested.Add(TypeNameOf(name));
            }
            else
            {
                outer.Add(name);
            }
        }

        // "Ns.Outer": the last dotted part is the outermost type, the rest the namespace.
        var types = new List<string>();
        if (outer.Count > 0)
        {
            types.Add(TypeNameOf(outer[^1]));
            outer.RemoveAt(outer.Count - 1);
        }

        types.AddRange(nested);
        if (method is ".ctor" or ".cctor")
        {
            method = types.Count > 0 ? types[^1] : null;
        }
        else if (method is not null && method.StartsWith('<'))
        {
            method = CompilerGeneratedName(method);
        }

        if (method is not null)
        {
            method = TypeNameOf(method);
        }

        return new FrameSymbol(
            outer.Count > 0 ? string.Join('.', outer) : null,
            types.ToImmutableArray(),
            string.IsNullOrEmpty(method) || method == "MoveNext" && types.Count == 0 ? null : method);
    }

    /// <summary>"int Worker.Helper(int a)" → "Worker.Helper"; a lambda suffix "…)+() => { }" is dropped.</summary>
    private static string? StripSignature(string? function)
    {
        if (string.IsNullOrWhiteSpace(function))
        {
            return null;
        }

        var text = function.Trim();
        var paren = IndexOutsideAngles(text, '(');
        if (paren >= 0)
        {
            text = text[..paren];
        }

        // The last space outside angle brackets separates modifiers and return type from the name.
        var depth = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            depth += text[i] switch { '>' => 1, '<' => -1, _ => 0 };
            if (text[i] == ' ' && depth == 0)
            {
                text = text[(i + 1)..];
                break;
            }
        }

        return text;
    }

    /// <summary>Splits "Ns.Outer+Inner.Method" into parts (a '+' prefix marks nested types) and the last part.</summary>
    private static (List<string> Parts, string? Last) SplitQualified(string? text)
    {
        var parts = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return (parts, null);
        }

        // Constructors are named ".ctor" after a dot ("Type..ctor"); mark them so the dot does not split them.
        text = text.Replace("..cctor", ".#cctor", StringComparison.Ordinal).Replace("..ctor", ".#ctor", StringComparison.Ordinal);
        if (text.StartsWith(".ctor", StringComparison.Ordinal) || text.StartsWith(".cctor", StringComparison.Ordinal))
        {
            text = "#" + text[1..];
        }

        var start = 0;
        var depth = 0;
        var nested = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '\0';
            if (c is '<' or '[')
            {
                depth++;
            }
            else if (c is '>' or ']')
            {
                depth--;
            }
            else if (depth == 0 && (c is '.' or '+' or '/' or '\0'))
            {
                if (i > start)
                {
                    parts.Add((nested ? "+" : "") + text[start..i]);
                }

                nested = c is '+' or '/';
                start = i + 1;
            }
        }

        if (parts.Count == 0)
        {
            return (parts, null);
        }

        // The last part keeps its '+' marker: for a module it is a nested type; callers trim it for a method.
        var last = parts[^1];
        parts.RemoveAt(parts.Count - 1);
        return (parts, last.Replace('#', '.'));
    }

    /// <summary>"&lt;RunAsync&gt;d__5" → "RunAsync"; "&lt;&gt;c" → null; "&lt;Main&gt;g__Local|0_0" → "Local".</summary>
    private static string? CompilerGeneratedName(string part)
    {
        var close = part.IndexOf('>', StringComparison.Ordinal);
        if (close <= 1)
        {
            return null;
        }

        var local = part.IndexOf(">g__", StringComparison.Ordinal);
        if (local > 0)
        {
            var end = part.IndexOf('|', local);
            return end > local + 4 ? part[(local + 4)..end] : part[1..close];
        }

        return part[1..close];
    }

    /// <summary>"List`1" → "List"; "Box&lt;T&gt;" → "Box".</summary>
    private static string TypeNameOf(string part)
    {
        var end = part.IndexOfAny(['`', '<', '[']);
        return end > 0 ? part[..end] : part;
    }

    private static int IndexOutsideAngles(string text, char c)
    {
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '<')
            {
                depth++;
            }
            else if (text[i] == '>')
            {
                depth--;
            }
            else if (text[i] == c && depth <= 0)
            {
                return i;
            }
        }

        return -1;
    }
}
