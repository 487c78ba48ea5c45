using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Heal.Repair.Regression;

/// <summary>
/// Writes C# expressions that build a value of a type from the crashing code: plain literals for simple types,
/// empty collections, and objects through their public constructors or settable properties. Members the crash
/// fixes (<see cref="CrashInputs.MemberValues"/>) get their literal; a collection whose elements can carry such a
/// member gets one element, every other collection stays empty. Every string is the same literal, so an id given
/// to one object finds it again in a lookup by another.
/// </summary>
internal sealed class TestValueWriter(ImmutableDictionary<ISymbol, string> memberValues)
{
    private const int MaxDepth = 6;

    private readonly HashSet<ISymbol> _used = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ITypeSymbol> _building = new(SymbolEqualityComparer.Default);

    /// <summary>Namespaces of the types the written expressions name.</summary>
    public SortedSet<string> Namespaces { get; } = new(StringComparer.Ordinal);

    /// <summary>Whether every fixed member was written into some object.</summary>
    public bool UsedAllMembers => memberValues.Keys.All(_used.Contains);

    /// <summary>An expression of <paramref name="type"/>, or null when the writer cannot build one.</summary>
    public string? Write(ITypeSymbol type, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        if (CSharpLiterals.Plain(type) is { } plain)
        {
            return plain;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            return Write(nullable.TypeArguments[0], depth + 1);
        }

        if (type is IArrayTypeSymbol { Rank: 1 } array)
        {
            return Collection(array.ElementType, "array", depth);
        }

        if (type is not INamedTypeSymbol named)
        {
            return null;
        }

        if (named.TypeKind == TypeKind.Enum)
        {
            var first = named.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue);
            return first is null ? null : $"{Name(named)}.{first.Name}";
        }

        var generic = named.OriginalDefinition.ToDisplayString();
        switch (generic)
        {
            case "System.Collections.Generic.IEnumerable<T>" or "System.Collections.Generic.IReadOnlyList<T>" or "System.Collections.Generic.IReadOnlyCollection<T>":
                return Collection(named.TypeArguments[0], "array", depth);
            case "System.Collections.Generic.List<T>" or "System.Collections.Generic.IList<T>" or "System.Collections.Generic.ICollection<T>":
                return Collection(named.TypeArguments[0], "List", depth);
            case "System.Collections.Generic.HashSet<T>" or "System.Collections.Generic.ISet<T>" or "System.Collections.Generic.IReadOnlySet<T>":
                return Collection(named.TypeArguments[0], "HashSet", depth);
            case "System.Collections.Generic.Dictionary<TKey, TValue>" or "System.Collections.Generic.IDictionary<TKey, TValue>" or "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>":
                Namespaces.Add("System.Collections.Generic");
                return $"new Dictionary<{Name(named.TypeArguments[0])}, {Name(named.TypeArguments[1])}>()";
        }

        if (named.ContainingNamespace?.ToDisplayString() is "System")
        {
            // DateTime, DateOnly, Guid, TimeSpan…: the default is a valid value and needs no constructor.
            return named.IsValueType ? $"default({Name(named)})" : null;
        }

        return Object(named, depth);
    }

    private string? Collection(ITypeSymbol element, string shape, int depth)
    {
        string? item = null;
        if (CarriesFixedMember(element, 0))
        {
            item = Write(element, depth + 1);
            if (item is null)
            {
                return null;
            }
        }
        else if (!CanName(element))
        {
            return null;
        }

        var elementName = Name(element);
        if (shape != "array")
        {
            Namespaces.Add("System.Collections.Generic");
        }

        return (shape, item) switch
        {
            ("array", null) => $"new {elementName}[0]",
            ("array", _) => $"new {elementName}[] {{ {item} }}",
            (_, null) => $"new {shape}<{elementName}>()",
            _ => $"new {shape}<{elementName}> {{ {item} }}",
        };
    }

    private string? Object(INamedTypeSymbol type, int depth)
    {
        if (type.IsAbstract || type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.IsGenericType || !IsPublic(type) || !_building.Add(type))
        {
            return null;
        }

        try
        {
            var constructors = type.InstanceConstructors
                .Where(c => c.DeclaredAccessibility == Accessibility.Public && c.Parameters.All(p => p.RefKind == RefKind.None))
                .Where(c => !(c.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(c.Parameters[0].Type, type)))
                .OrderByDescending(c => c.Parameters.Length)
                .ToList();
            var members = type.GetMembers().Where(m => !m.IsStatic && m.DeclaredAccessibility == Accessibility.Public).ToList();
            var settable = members.Where(m => m is IPropertySymbol { SetMethod.DeclaredAccessibility: Accessibility.Public, IsIndexer: false } or IFieldSymbol { IsReadOnly: false, IsConst: false, IsImplicitlyDeclared: false })
                .ToList();
            foreach (var constructor in constructors)
            {
                var arguments = new List<string>();
                var covered = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var parameter in constructor.Parameters)
                {
                    var fixedMember = members.FirstOrDefault(m => memberValues.ContainsKey(m) && string.Equals(m.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
                    string? argument;
                    if (fixedMember is not null)
                    {
                        _used.Add(fixedMember);
                        argument = memberValues[fixedMember];
                    }
                    else
                    {
                        argument = Write(parameter.Type, depth + 1);
                    }

                    if (argument is null)
                    {
                        break;
                    }

                    covered.Add(parameter.Name);
                    arguments.Add(argument);
                }

                if (arguments.Count != constructor.Parameters.Length)
                {
                    continue;
                }

                // Properties a constructor does not take are set in an initializer: the fixed ones always, the
                // others only when the type has no constructor parameters to say what matters.
                var initializers = new List<string>();
                foreach (var member in settable.Where(m => !covered.Contains(m.Name)))
                {
                    if (memberValues.TryGetValue(member, out var value))
                    {
                        _used.Add(member);
                        if (value is not ("null" or "null!"))
                        {
                            initializers.Add($"{member.Name} = {value}");
                        }
                    }
                    else if (constructor.Parameters.Length == 0 && TypeOf(member) is { } memberType && Write(memberType, depth + 1) is { } written)
                    {
                        initializers.Add($"{member.Name} = {written}");
                    }
                }

                var creation = $"new {Name(type)}";
                return initializers.Count == 0 ? $"{creation}({string.Join(", ", arguments)})"
                    : arguments.Count == 0 ? $"{creation} {{ {string.Join(", ", initializers)} }}"
                    : $"{creation}({string.Join(", ", arguments)}) {{ {string.Join(", ", initializers)} }}";
            }

            return null;
        }
        finally
        {
            _building.Remove(type);
        }
    }

    /// <summary>Whether a value of <paramref name="type"/> can hold, directly or through its members, a member the crash fixes.</summary>
    private bool CarriesFixedMember(ITypeSymbol type, int depth)
    {
        if (memberValues.IsEmpty || depth > 3 || type is not INamedTypeSymbol named)
        {
            return false;
        }

        if (memberValues.Keys.Any(m => SymbolEqualityComparer.Default.Equals(m.ContainingType, named.OriginalDefinition)))
        {
            return true;
        }

        if (named.ContainingNamespace?.ToDisplayString().StartsWith("System", StringComparison.Ordinal) == true)
        {
            return named.TypeArguments.Any(t => CarriesFixedMember(t, depth + 1));
        }

        return named.InstanceConstructors.SelectMany(c => c.Parameters).Select(p => p.Type)
            .Concat(named.GetMembers().Select(TypeOf).OfType<ITypeSymbol>())
            .Distinct<ITypeSymbol>(SymbolEqualityComparer.Default)
            .Any(t => !SymbolEqualityComparer.Default.Equals(t, named) && CarriesFixedMember(t, depth + 1));
    }

    private static ITypeSymbol? TypeOf(ISymbol member) => member switch
    {
        IPropertySymbol p => p.Type,
        IFieldSymbol f => f.Type,
        _ => null,
    };

    private bool CanName(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol a => CanName(a.ElementType),
        INamedTypeSymbol n => IsPublic(n) && n.TypeArguments.All(CanName),
        _ => false,
    };

    private static bool IsPublic(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
        {
            if (t.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The type's name as the test writes it (namespaces become usings).</summary>
    public string Name(ITypeSymbol type)
    {
        foreach (var part in Parts(type))
        {
            if (part.ContainingNamespace is { IsGlobalNamespace: false } ns && part.SpecialType == SpecialType.None)
            {
                Namespaces.Add(ns.ToDisplayString());
            }
        }

        return type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
    }

    private static IEnumerable<ITypeSymbol> Parts(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol a => Parts(a.ElementType),
        INamedTypeSymbol n => n.TypeArguments.SelectMany(Parts).Prepend(n),
        _ => [type],
    };
}
