using System.Reflection;

namespace Heal.VisualStudio.Tests;

/// <summary>
/// The built adapter (vs-extension/Heal.VisualStudio, net472) opened with MetadataLoadContext over the assemblies it was
/// compiled against: what MEF and Visual Studio's package loader will read from it, without running it.
/// </summary>
internal sealed class Adapter : IDisposable
{
    private readonly MetadataLoadContext _context;

    public Adapter()
    {
        var references = File.ReadAllLines(Path.Combine(Directory, "references.txt")).Where(l => l.Length > 0);
        _context = new MetadataLoadContext(new PathAssemblyResolver(references.Append(AssemblyPath).Append(Path.Combine(Directory, "Heal.VisualStudio.Core.dll")).Distinct()), "mscorlib");
        Assembly = _context.LoadFromAssemblyPath(AssemblyPath);
    }

    /// <summary>bin/&lt;configuration&gt;/net472 of the adapter, in the configuration these tests were built in.</summary>
    public static string Directory
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = output.Parent!.Name;
            var root = output;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Heal.Lsp.sln")))
            {
                root = root.Parent;
            }

            return Path.Combine(root?.FullName ?? throw new InvalidOperationException("Heal.Lsp.sln not found"), "vs-extension", "Heal.VisualStudio", "bin", configuration, "net472");
        }
    }

    public static string AssemblyPath => Path.Combine(Directory, "Heal.VisualStudio.dll");

    public static string ManifestPath => Path.Combine(Directory, "..", "..", "..", "extension.vsixmanifest");

    public Assembly Assembly { get; }

    public Type Type(string name) => Assembly.GetType("Heal.VisualStudio." + name, throwOnError: true)!;

    public static CustomAttributeData? Attribute(MemberInfo member, string fullName) =>
        member.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.FullName == fullName);

    public static IEnumerable<CustomAttributeData> Attributes(MemberInfo member, string fullName) =>
        member.GetCustomAttributesData().Where(a => a.AttributeType.FullName == fullName);

    public static object? Named(CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(n => n.MemberName == name) is { MemberName: not null } found ? found.TypedValue.Value : null;

    public static bool DerivesFrom(Type type, string fullName)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.FullName == fullName)
            {
                return true;
            }
        }

        return false;
    }

    public void Dispose() => _context.Dispose();
}
