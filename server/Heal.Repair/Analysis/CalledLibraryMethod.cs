using Heal.Repair.Rules;
using Microsoft.CodeAnalysis;

namespace Heal.Repair.Analysis;

/// <summary>
/// The library method the throwing in-app frame called, as the event's next (non-application) frame names it, e.g.
/// <c>DateOnly DateOnly.ParseExact(string s, string format, …)</c>. Release builds often report a nearby line of the right
/// method; the name of the called method picks the faulting call among the method's own calls. The frame is data: it only
/// ever selects among calls the code already makes.
/// </summary>
/// <param name="TypeName">The declaring type's simple name (<c>Int32</c> for <c>int</c>).</param>
/// <param name="MethodName">The method's name without type arguments.</param>
public sealed record CalledLibraryMethod(string TypeName, string MethodName)
{
    public static CalledLibraryMethod? Of(CrashSite site)
    {
        var frames = site.Exception.Frames;
        var next = site.Throwing.Frame.Index + 1;
        if (frames.IsDefaultOrEmpty || next <= 0 || next >= frames.Length || frames[next].InApp == true)
        {
            return null;
        }

        return Parse(frames[next].Function);
    }

    /// <summary>Reads <c>[return type] Namespace.Type.Method[&lt;T&gt;](parameters)</c>; null when it has no <c>Type.Method</c>.</summary>
    public static CalledLibraryMethod? Parse(string? function)
    {
        if (string.IsNullOrWhiteSpace(function))
        {
            return null;
        }

        var open = function.IndexOf('(', StringComparison.Ordinal);
        var head = (open < 0 ? function : function[..open]).Trim();
        var space = head.LastIndexOf(' ');
        var name = space < 0 ? head : head[(space + 1)..];
        var generic = name.IndexOf('<', StringComparison.Ordinal);
        if (generic >= 0)
        {
            name = name[..generic];
        }

        // Constructors: `DateTime..ctor`.
        var constructor = name.EndsWith(".ctor", StringComparison.Ordinal);
        var dot = constructor ? name.Length - ".ctor".Length - (name.EndsWith("..ctor", StringComparison.Ordinal) ? 1 : 0) : name.LastIndexOf('.');
        if (dot <= 0 || dot == name.Length - 1)
        {
            return null;
        }

        var type = name[..dot];
        var typeDot = type.LastIndexOf('.');
        type = typeDot < 0 ? type : type[(typeDot + 1)..];
        return new CalledLibraryMethod(Canonical(type), constructor ? ".ctor" : name[(dot + 1)..]);
    }

    /// <summary>True when <paramref name="method"/> is this method (by name and declaring type).</summary>
    public bool Is(IMethodSymbol method) =>
        method.Name == MethodName && (method.ContainingType?.Name == TypeName || Canonical(method.ContainingType?.Name ?? "") == TypeName);

    private static string Canonical(string type) => type switch
    {
        "int" => "Int32",
        "long" => "Int64",
        "short" => "Int16",
        "byte" => "Byte",
        "sbyte" => "SByte",
        "uint" => "UInt32",
        "ulong" => "UInt64",
        "ushort" => "UInt16",
        "decimal" => "Decimal",
        "double" => "Double",
        "float" => "Single",
        "bool" => "Boolean",
        "string" => "String",
        "char" => "Char",
        "object" => "Object",
        _ => type,
    };
}
