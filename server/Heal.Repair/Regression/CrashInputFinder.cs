using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Heal.Repair.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Heal.Repair.Regression;

/// <summary>
/// Works out, from the crash site alone, the inputs that make the crash happen again: a zero divisor, an empty
/// sequence, a null optional member, an unparsable string, an unknown key. Values captured by the event (frame
/// variables, the request's query string, the input quoted in the exception message) fill in what the code
/// cannot say; they only ever become C# literals (<see cref="CSharpLiterals"/>), never code.
/// </summary>
public static partial class CrashInputFinder
{
    private static readonly HashSet<string> s_sequenceOperators = new(StringComparer.Ordinal)
    {
        "Average", "Max", "Min", "First", "Last", "Single", "Aggregate", "MaxBy", "MinBy",
    };

    /// <summary>The inputs, or null with the reason no test can be written.</summary>
    public static (CrashInputs? Inputs, string? Decline) Find(CrashSite site, string? patch)
    {
        var throwing = MethodOf(site.Throwing);
        if (throwing is null)
        {
            return (null, "the throwing line is not inside a method");
        }

        // The test must go through the method the patch changes: a test of the throwing method cannot pass when the
        // fix is in a caller (the callee still throws for the same input), and would reject a right patch.
        var frames = new[] { site.Throwing }.Concat(site.Callers).ToList();
        var parsed = string.IsNullOrWhiteSpace(patch) ? null : Heal.Core.Diffs.Patch.Parse(patch).Value;
        var patched = PatchedFrame(frames, parsed);
        if (patched < 0)
        {
            return (null, "the patch changes no method on the stack, so no call along the stack shows whether it works");
        }

        var target = frames.Skip(patched).Select(MethodOf).FirstOrDefault(m => m is not null && IsCallable(m));
        if (target is null)
        {
            return (null, $"no public method on the stack of {throwing.Name} can be called from a test");
        }

        var isThrowing = SymbolEqualityComparer.Default.Equals(target, throwing);
        var line = site.Throwing.Root.DescendantNodes(site.Throwing.LineSpan)
            .Where(n => site.Throwing.LineSpan.Contains(n.SpanStart))
            .ToList();
        var model = site.Throwing.SemanticModel;
        var quoted = site.ExceptionName switch
        {
            "FormatException" => Quoted(FormatInput(), site.Exception.Value),
            "KeyNotFoundException" => Quoted(MissingKey(), site.Exception.Value),
            _ => null,
        };
        var condition = site.ExceptionName switch
        {
            "DivideByZeroException" => ZeroDivisor(line, model, throwing),
            "InvalidOperationException" when IsEmptySequence(site.Exception.Value) => EmptySequence(line),
            "NullReferenceException" => NullDereference(line, model, throwing, AddedLines(parsed), patchedCaller: patched > 0),
            "FormatException" => Unparsable(line, model, throwing, quoted ?? "not a number"),
            "KeyNotFoundException" => UnknownKey(line, model, throwing, quoted ?? "missing"),
            _ => null,
        };
        if (condition is null)
        {
            return (null, $"the crash site does not say which input causes the {site.ExceptionName}");
        }

        var (parameter, member, value, situation) = condition.Value;
        if (parameter is not null && !isThrowing)
        {
            return (null, $"the input that causes the {site.ExceptionName} is a parameter of {throwing.Name}, which a test cannot call");
        }

        var parameters = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (name, raw) in Captured(site, target))
        {
            if (target.Parameters.FirstOrDefault(p => p.Name == name) is { } p && CSharpLiterals.FromCaptured(raw, p.Type) is { } literal)
            {
                parameters[name] = literal;
            }
        }

        var members = ImmutableDictionary.Create<ISymbol, string>(SymbolEqualityComparer.Default);
        var placeholder = site.ExceptionName is "FormatException" or "KeyNotFoundException" && quoted is null;
        if (parameter is not null && !(placeholder && parameters.ContainsKey(parameter.Name)))
        {
            // The crash site's value wins over a captured one, except a made-up unparsable string or key.
            parameters[parameter.Name] = value;
        }
        else if (member is not null)
        {
            members = members.Add(member, value);
        }

        return (new CrashInputs(target, parameters.ToImmutable(), members, situation, isThrowing), null);
    }

    private static (IParameterSymbol? Parameter, ISymbol? Member, string Value, string Situation)? ZeroDivisor(
        List<SyntaxNode> line, SemanticModel model, IMethodSymbol throwing)
    {
        var divisors = line.OfType<BinaryExpressionSyntax>()
            .Where(b => b.IsKind(SyntaxKind.DivideExpression) || b.IsKind(SyntaxKind.ModuloExpression))
            .Select(b => b.Right)
            .Concat(line.OfType<AssignmentExpressionSyntax>()
                .Where(a => a.IsKind(SyntaxKind.DivideAssignmentExpression) || a.IsKind(SyntaxKind.ModuloAssignmentExpression))
                .Select(a => a.Right));
        foreach (var divisor in divisors.Select(Strip))
        {
            var type = model.GetTypeInfo(divisor).Type;
            if (type is null || CSharpLiterals.Zero(type) is not { } zero)
            {
                continue;
            }

            var symbol = model.GetSymbolInfo(divisor).Symbol;
            switch (symbol)
            {
                case IParameterSymbol parameter when SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, throwing):
                    return (parameter, null, zero, "Zero" + Pascal(parameter.Name));
                case IPropertySymbol { Name: "Count" or "Length" } count when divisor is MemberAccessExpressionSyntax access:
                    return (null, null, "", "No" + Pascal(LastName(access.Expression) ?? count.Name));
                case IPropertySymbol or IFieldSymbol when !symbol.IsStatic && symbol.ContainingType.ContainingNamespace?.ToDisplayString().StartsWith("System", StringComparison.Ordinal) != true:
                    return (null, symbol, zero, "Zero" + Pascal(symbol.Name));
                case IMethodSymbol { Name: "Count" or "LongCount" } when divisor is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }:
                    return (null, null, "", "No" + Pascal(LastName(access.Expression) ?? "Items"));
            }
        }

        return null;
    }

    private static (IParameterSymbol?, ISymbol?, string, string)? EmptySequence(List<SyntaxNode> line)
    {
        var call = line.OfType<InvocationExpressionSyntax>()
            .Select(i => i.Expression as MemberAccessExpressionSyntax)
            .FirstOrDefault(a => a is not null && s_sequenceOperators.Contains(a.Name.Identifier.Text));
        return call is null ? null : (null, null, "", "No" + Pascal(LastName(call.Expression) ?? "Items"));
    }

    private static (IParameterSymbol?, ISymbol?, string, string)? NullDereference(
        List<SyntaxNode> line, SemanticModel model, IMethodSymbol throwing, ImmutableArray<string> addedLines, bool patchedCaller)
    {
        // The values the line dereferences: receivers of member and element access, and the collection a foreach
        // enumerates (a null there throws in GetEnumerator, on the foreach line).
        var receivers = line.Select(n => n switch
            {
                MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression } m => m.Expression,
                ElementAccessExpressionSyntax e => e.Expression,
                ForEachStatementSyntax f => f.Expression,
                _ => null,
            })
            .OfType<ExpressionSyntax>()
            .Select(Strip)
            .Select(r => (Receiver: r, Symbol: model.GetSymbolInfo(r).Symbol, Type: model.GetTypeInfo(r).Type))
            .Where(r => r.Type is { IsReferenceType: true } && r.Symbol is IPropertySymbol or IFieldSymbol or IParameterSymbol && !r.Symbol.IsStatic)
            .ToList();
        // The patch names the value it guards against null: `X == null`, `X is null`, `X?.`, `X ??`.
        var named = receivers.FirstOrDefault(r => addedLines.Any(l => Regex.IsMatch(l,
            $@"\b{Regex.Escape(r.Symbol!.Name)}\s*(==\s*null|!=\s*null|is\s+(not\s+)?null|\?\.|\?\?)", RegexOptions.None, TimeSpan.FromSeconds(1))));
        if (patchedCaller && named.Symbol is null)
        {
            // A fix in a caller guards a value of its own; which value of the throwing line is null is then a guess,
            // and a test built on the wrong guess would still throw after a right fix.
            return null;
        }

        var chosen = named.Symbol is not null ? named
            : receivers.FirstOrDefault(r => r.Symbol is not IParameterSymbol) is { Symbol: not null } member ? member
            : receivers.FirstOrDefault();
        return chosen.Symbol switch
        {
            IParameterSymbol parameter when SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, throwing) => (parameter, null, "null", "Null" + Pascal(parameter.Name)),
            IPropertySymbol or IFieldSymbol => (null, chosen.Symbol, "null", "Null" + Pascal(chosen.Symbol.Name)),
            _ => null,
        };
    }

    private static (IParameterSymbol?, ISymbol?, string, string)? Unparsable(List<SyntaxNode> line, SemanticModel model, IMethodSymbol throwing, string input)
    {
        var argument = line.OfType<InvocationExpressionSyntax>()
            .Where(i => model.GetSymbolInfo(i).Symbol is IMethodSymbol method && IsParse(method))
            .Select(i => i.ArgumentList.Arguments.FirstOrDefault()?.Expression)
            .OfType<ExpressionSyntax>()
            .FirstOrDefault();
        return argument is null ? null : Input(Strip(argument), model, throwing, CSharpLiterals.String(input), "Unparsable");
    }

    private static (IParameterSymbol?, ISymbol?, string, string)? UnknownKey(List<SyntaxNode> line, SemanticModel model, IMethodSymbol throwing, string key)
    {
        var argument = line.OfType<ElementAccessExpressionSyntax>()
            .Where(e => model.GetTypeInfo(e.Expression).Type?.AllInterfaces.Any(i => i.Name is "IDictionary" or "IReadOnlyDictionary") == true)
            .Select(e => e.ArgumentList.Arguments.FirstOrDefault()?.Expression)
            .OfType<ExpressionSyntax>()
            .FirstOrDefault();
        if (argument is null || model.GetTypeInfo(argument).Type?.SpecialType != SpecialType.System_String)
        {
            return null;
        }

        return Input(Strip(argument), model, throwing, CSharpLiterals.String(key), "Unknown");
    }

    /// <summary>A string input read from a parameter or from a member of one.</summary>
    private static (IParameterSymbol?, ISymbol?, string, string)? Input(ExpressionSyntax expression, SemanticModel model, IMethodSymbol throwing, string literal, string prefix) =>
        model.GetSymbolInfo(expression).Symbol switch
        {
            IParameterSymbol p when SymbolEqualityComparer.Default.Equals(p.ContainingSymbol, throwing) && p.Type.SpecialType == SpecialType.System_String =>
                (p, null, literal, prefix + Pascal(p.Name)),
            IPropertySymbol { Type.SpecialType: SpecialType.System_String, IsStatic: false } property => (null, property, literal, prefix + Pascal(property.Name)),
            IFieldSymbol { Type.SpecialType: SpecialType.System_String, IsStatic: false } field => (null, field, literal, prefix + Pascal(field.Name)),
            _ => null,
        };

    /// <summary>Values the event captured for the target's parameters: frame variables, then the query string.</summary>
    private static IEnumerable<(string Name, string Value)> Captured(CrashSite site, IMethodSymbol target)
    {
        var names = target.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var frames = new[] { site.Throwing }.Concat(site.Callers).Select(s => s.Frame.Frame);
        foreach (var frame in frames)
        {
            if (frame.Vars is null)
            {
                continue;
            }

            foreach (var (name, value) in frame.Vars.Where(v => names.Contains(v.Key)))
            {
                yield return (name, value);
            }
        }

        var query = site.Event.Request?.QueryString;
        if (string.IsNullOrEmpty(query))
        {
            yield break;
        }

        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            if (names.Contains(name))
            {
                yield return (name, Uri.UnescapeDataString((equals < 0 ? "" : pair[(equals + 1)..]).Replace('+', ' ')));
            }
        }
    }

    private static IMethodSymbol? MethodOf(LinkedSource source)
    {
        if (source.Member is null)
        {
            return null;
        }

        var symbol = source.SemanticModel.GetDeclaredSymbol(source.Member) ?? source.SemanticModel.GetSymbolInfo(source.Member).Symbol;
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } inner)
        {
            symbol = inner.ContainingSymbol;
        }

        return symbol as IMethodSymbol;
    }

    private static bool IsCallable(IMethodSymbol method)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.IsGenericMethod || method.Parameters.Any(p => p.RefKind is RefKind.Out or RefKind.Ref))
        {
            return false;
        }

        for (ISymbol? s = method; s is not null and not INamespaceSymbol; s = s.ContainingSymbol)
        {
            if (s.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }
        }

        var type = method.ContainingType;
        return !type.IsGenericType && (method.IsStatic || (!type.IsAbstract && type.TypeKind is TypeKind.Class or TypeKind.Struct));
    }

    private static bool IsParse(IMethodSymbol method) =>
        method.Name is "Parse" or "ParseExact" || (method.ContainingType.Name == "Convert" && method.Name.StartsWith("To", StringComparison.Ordinal));

    private static bool IsEmptySequence(string? message) =>
        message is not null && (message.Contains("no elements", StringComparison.OrdinalIgnoreCase) || message.Contains("no matching element", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The index in <paramref name="frames"/> (throwing first) of the nearest frame whose method the patch changes:
    /// 0 for no patch or a patch of the throwing method, -1 when it changes none of them.
    /// </summary>
    private static int PatchedFrame(List<LinkedSource> frames, Heal.Core.Diffs.Patch? parsed)
    {
        if (parsed is null)
        {
            return 0;
        }

        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i].Member is not { } member)
            {
                continue;
            }

            var span = member.SyntaxTree.GetLineSpan(member.Span);
            var (first, last) = (span.StartLinePosition.Line + 1, span.EndLinePosition.Line + 1);
            var file = parsed.Files.FirstOrDefault(f => !f.IsNew && string.Equals(f.OldPath, frames[i].RelativePath, StringComparison.Ordinal));
            if (file is not null && ChangedOldLines(file).Any(line => line >= first && line <= last))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Old-file line numbers the hunks remove, and for an insertion the old lines on either side of it.</summary>
    private static IEnumerable<int> ChangedOldLines(Heal.Core.Diffs.FilePatch file)
    {
        foreach (var hunk in file.Hunks)
        {
            var line = hunk.OldStart;
            foreach (var hunkLine in hunk.Lines)
            {
                switch (hunkLine.Kind)
                {
                    case Heal.Core.Diffs.HunkLineKind.Removed:
                        yield return line++;
                        break;
                    case Heal.Core.Diffs.HunkLineKind.Added:
                        yield return line - 1;
                        yield return line;
                        break;
                    default:
                        line++;
                        break;
                }
            }
        }
    }

    private static ImmutableArray<string> AddedLines(Heal.Core.Diffs.Patch? parsed) =>
        parsed is null
            ? []
            : parsed.Files.SelectMany(f => f.Hunks).SelectMany(h => h.Lines).Where(l => l.Kind == Heal.Core.Diffs.HunkLineKind.Added).Select(l => l.Text).ToImmutableArray();

    private static ExpressionSyntax Strip(ExpressionSyntax expression) => expression switch
    {
        ParenthesizedExpressionSyntax p => Strip(p.Expression),
        CastExpressionSyntax c => Strip(c.Expression),
        PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } s => Strip(s.Operand),
        _ => expression,
    };

    private static string? LastName(ExpressionSyntax expression) => Strip(expression) switch
    {
        IdentifierNameSyntax i => i.Identifier.Text,
        MemberAccessExpressionSyntax m => m.Name.Identifier.Text,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax m } => m.Name.Identifier.Text,
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax i } => i.Identifier.Text,
        _ => null,
    };

    private static string? Quoted(Regex pattern, string? message) =>
        message is not null && pattern.Match(message) is { Success: true } match ? match.Groups[1].Value : null;

    internal static string Pascal(string name)
    {
        var trimmed = name.TrimStart('_', '@');
        return trimmed.Length == 0 ? "Value" : char.ToUpper(trimmed[0], CultureInfo.InvariantCulture) + trimmed[1..];
    }

    [GeneratedRegex(@"^The input string '(.*)' was not in a correct format\.?$", RegexOptions.Singleline)]
    private static partial Regex FormatInput();

    [GeneratedRegex(@"^The given key '(.*)' was not present in the dictionary\.?$", RegexOptions.Singleline)]
    private static partial Regex MissingKey();
}
