using System.Text;
using System.Text.RegularExpressions;

namespace Heal.Core.Grouping;

/// <summary>
/// Reduces a frame's module and function to the identity of the code it names, without what varies between
/// builds, SDK settings and runtimes: parameter lists, return types, generic arity, and the names the C# compiler
/// gives async state machines (<c>&lt;M&gt;d__5.MoveNext</c> becomes <c>M</c>), lambdas and local functions
/// (<c>&lt;Main&gt;b__0_0</c> becomes <c>Main</c>), Java lambdas and Go closures (likewise their enclosing function).
/// </summary>
public static partial class FunctionIdentity
{
    private const int MaxLength = 512;

    /// <summary>The normalised identity of <paramref name="function"/> qualified by <paramref name="module"/>, e.g. <c>Demo.Worker.Helper</c>.</summary>
    public static string Of(string? module, string? function)
    {
        var moduleSegments = Split(Cap(module)).Select(Clean).ToList();
        var functionSegments = Split(StripSignature(Cap(function))).Select(Clean).ToList();

        // .NET SDKs send module "Demo.Worker" with function "Worker.Helper": do not repeat the overlap.
        var overlap = 0;
        for (var length = Math.Min(moduleSegments.Count, functionSegments.Count - 1); length > 0; length--)
        {
            if (moduleSegments.Skip(moduleSegments.Count - length).SequenceEqual(functionSegments.Take(length), StringComparer.Ordinal))
            {
                overlap = length;
                break;
            }
        }

        return Join(moduleSegments.Concat(functionSegments.Skip(overlap)));
    }

    /// <summary>The normalised identity of a function name alone.</summary>
    public static string Normalize(string? function) => Of(null, function);

    private static string? Cap(string? text) => text is { Length: > MaxLength } ? text[..MaxLength] : text;

    /// <summary>Removes what surrounds the name: Node's <c>[as alias]</c> and <c>async </c>, a .NET signature's return type and parameters.</summary>
    private static string StripSignature(string? function)
    {
        if (string.IsNullOrWhiteSpace(function))
        {
            return "";
        }

        var text = NodeAlias().Replace(function.Trim(), "");
        // Demystified lambdas and local functions ("void P.Main(string[] a)+(int x) => { }") name their enclosing method first.
        var lambda = text.IndexOf(")+", StringComparison.Ordinal);
        if (lambda > 0)
        {
            text = text[..(lambda + 1)];
        }

        if (text.EndsWith(')') && MatchingOpen(text, text.Length - 1) is { } open && open > 0)
        {
            text = text[..open];
        }

        return LastTopLevelToken(text.TrimEnd());
    }

    private static int? MatchingOpen(string text, int close)
    {
        var depth = 0;
        for (var i = close; i >= 0; i--)
        {
            depth += text[i] switch { ')' => 1, '(' => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The last space-separated token outside &lt;…&gt;, dropping a return type and modifiers (<c>async Task&lt;int, string&gt; W.M</c>).</summary>
    private static string LastTopLevelToken(string text)
    {
        var depth = 0;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c is '>' or ']' or ')')
            {
                depth++;
            }
            else if (c is '<' or '[' or '(')
            {
                depth--;
            }
            else if (c == ' ' && depth == 0)
            {
                return text[(i + 1)..];
            }
        }

        return text;
    }

    /// <summary>Splits a qualified name at '.', '+' (nested types) and '/' outside brackets; Node module paths keep their ':'.</summary>
    private static List<string> Split(string? name)
    {
        var segments = new List<string>();
        if (string.IsNullOrEmpty(name))
        {
            return segments;
        }

        var depth = 0;
        var current = new StringBuilder();
        foreach (var c in name)
        {
            if (c is '<' or '[' or '(')
            {
                depth++;
            }
            else if (c is '>' or ']' or ')')
            {
                depth = Math.Max(0, depth - 1);
            }

            if (depth == 0 && c is '.' or '+')
            {
                segments.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        segments.Add(current.ToString());
        return segments;
    }

    /// <summary>Rewrites one segment; an empty result drops it, a leading '\u0001' marks an async/iterator state machine.</summary>
    private static string Clean(string segment)
    {
        segment = segment.Trim();
        if (CompilerGenerated().Match(segment) is { Success: true } generated)
        {
            var enclosing = generated.Groups["name"].Value;
            return generated.Groups["kind"].Value == "d" ? "\u0001" + enclosing : enclosing;
        }

        if (segment.StartsWith("<>", StringComparison.Ordinal) || GoClosure().IsMatch(segment))
        {
            return "";
        }

        if (JavaLambda().Match(segment) is { Success: true } javaLambda)
        {
            return javaLambda.Groups[1].Value;
        }

        // Keep names that are entirely bracketed (<module>, <main>, <anonymous>); strip generic noise from the rest.
        if (segment.StartsWith('<'))
        {
            return segment;
        }

        segment = GenericArity().Replace(segment, "");
        // Innermost brackets first, until none are left: Dictionary<string, List<int>> needs two passes.
        for (var previous = ""; previous != segment;)
        {
            previous = segment;
            segment = GenericArguments().Replace(segment, "");
        }

        return segment;
    }

    private static string Join(IEnumerable<string> segments)
    {
        var result = new List<string>();
        var afterStateMachine = false;
        foreach (var segment in segments)
        {
            if (segment.Length == 0)
            {
                continue;
            }

            if (afterStateMachine && segment == "MoveNext")
            {
                afterStateMachine = false;
                continue;
            }

            afterStateMachine = segment[0] == '\u0001';
            var name = afterStateMachine ? segment[1..] : segment;
            // A lambda's or state machine's enclosing method may already be the previous segment (Sentry's module).
            if (result.Count == 0 || result[^1] != name)
            {
                result.Add(name);
            }
        }

        return string.Join(".", result);
    }

    [GeneratedRegex(@"\s*\[as [^\]]*\]$|^(async|new) ", RegexOptions.CultureInvariant)]
    private static partial Regex NodeAlias();

    [GeneratedRegex(@"^<(?<name>[^<>]+)>(?<kind>[a-z])__.*$", RegexOptions.CultureInvariant)]
    private static partial Regex CompilerGenerated();

    [GeneratedRegex(@"^(func\d+|\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex GoClosure();

    [GeneratedRegex(@"^lambda\$(\w+?)\$\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex JavaLambda();

    [GeneratedRegex(@"`\d+", RegexOptions.CultureInvariant)]
    private static partial Regex GenericArity();

    [GeneratedRegex(@"<[^<>]*>|\[[^\[\]]*\]", RegexOptions.CultureInvariant)]
    private static partial Regex GenericArguments();
}
