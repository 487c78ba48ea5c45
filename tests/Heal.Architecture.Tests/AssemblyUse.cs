using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Heal.Architecture.Tests;

/// <summary>
/// What one built assembly uses, read from its metadata with System.Reflection.Metadata (nothing is loaded or run): the
/// namespaces it defines types in, the types it references in other assemblies, and the members of those it calls.
/// </summary>
/// <param name="Name">The assembly's name, e.g. <c>Heal.Feed</c> (the CLI's is <c>heal</c>).</param>
/// <param name="DefinedNamespaces">The namespaces of the types it defines (the global namespace left out).</param>
/// <param name="ReferencedTypes">Full names of the types it references, e.g. <c>System.IO.File</c>; nested ones as <c>Outer+Inner</c>.</param>
/// <param name="ReferencedMembers">The members it references, e.g. <c>System.IO.File::ReadAllText</c>; of a generic type, the open one's (<c>List`1::Add</c>).</param>
public sealed record AssemblyUse(
    string Name,
    ImmutableSortedSet<string> DefinedNamespaces,
    ImmutableSortedSet<string> ReferencedTypes,
    ImmutableSortedSet<string> ReferencedNamespaces,
    ImmutableSortedSet<string> ReferencedMembers)
{
    public static AssemblyUse Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var defined = reader.TypeDefinitions
            .Select(h => reader.GetString(reader.GetTypeDefinition(h).Namespace))
            .Where(n => n.Length > 0)
            .ToImmutableSortedSet(StringComparer.Ordinal);
        var types = reader.TypeReferences.Select(h => TypeName(reader, h)).ToImmutableSortedSet(StringComparer.Ordinal);
        var namespaces = reader.TypeReferences.Select(h => NamespaceOf(reader, h)).Where(n => n.Length > 0).ToImmutableSortedSet(StringComparer.Ordinal);
        var members = reader.MemberReferences
            .Select(reader.GetMemberReference)
            .Select(m => (Parent: ParentName(reader, m.Parent), Name: reader.GetString(m.Name)))
            .Where(m => m.Parent is not null)
            .Select(m => m.Parent + "::" + m.Name)
            .ToImmutableSortedSet(StringComparer.Ordinal);
        return new AssemblyUse(reader.GetString(reader.GetAssemblyDefinition().Name), defined, types, namespaces, members);
    }

    /// <summary>True when it references <paramref name="ns"/> or a namespace inside it.</summary>
    public bool UsesNamespace(string ns) => ReferencedNamespaces.Any(n => IsWithin(n, ns));

    /// <summary>The referenced namespaces within <paramref name="ns"/>.</summary>
    public IEnumerable<string> NamespacesWithin(string ns) => ReferencedNamespaces.Where(n => IsWithin(n, ns));

    public static bool IsWithin(string name, string ns) =>
        name == ns || name.StartsWith(ns + ".", StringComparison.Ordinal) || name.StartsWith(ns + "+", StringComparison.Ordinal);

    private static string TypeName(MetadataReader reader, TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        var name = reader.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            return TypeName(reader, (TypeReferenceHandle)type.ResolutionScope) + "+" + name;
        }

        var ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private static string NamespaceOf(MetadataReader reader, TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        return type.ResolutionScope.Kind == HandleKind.TypeReference
            ? NamespaceOf(reader, (TypeReferenceHandle)type.ResolutionScope)
            : reader.GetString(type.Namespace);
    }

    private static string? ParentName(MetadataReader reader, EntityHandle parent) => parent.Kind switch
    {
        HandleKind.TypeReference => TypeName(reader, (TypeReferenceHandle)parent),
        HandleKind.TypeSpecification => GenericTypeName(reader, (TypeSpecificationHandle)parent),
        _ => null, // A member of one of the assembly's own types, or a vararg call site.
    };

    /// <summary>The open type of a generic instantiation, read from the specification's signature blob.</summary>
    private static string? GenericTypeName(MetadataReader reader, TypeSpecificationHandle handle)
    {
        var blob = reader.GetBlobReader(reader.GetTypeSpecification(handle).Signature);
        if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
        {
            return null;
        }

        blob.ReadSignatureTypeCode(); // class or value type
        var generic = blob.ReadTypeHandle();
        return generic.Kind == HandleKind.TypeReference ? TypeName(reader, (TypeReferenceHandle)generic) : null;
    }
}
