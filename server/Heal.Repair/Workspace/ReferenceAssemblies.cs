using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace Heal.Repair.Workspace;

/// <summary>
/// The framework assemblies a project compiles against, found offline: the reference packs under the dotnet
/// root (<c>packs/Microsoft.NETCore.App.Ref/&lt;version&gt;/ref/net*/</c>), falling back to the running
/// runtime's trusted platform assemblies. Metadata references are cached per file for the process, since
/// loading them is most of a workspace's load time.
/// </summary>
public static class ReferenceAssemblies
{
    private static readonly ConcurrentDictionary<string, MetadataReference> s_references = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, ImmutableArray<string>> s_frameworks = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The dotnet root of the running runtime (<c>…/shared/Microsoft.NETCore.App/&lt;ver&gt;/</c> three levels up).</summary>
    public static string? DotnetRoot
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable("DOTNET_ROOT");
            if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(Path.Combine(fromEnvironment, "packs")))
            {
                return fromEnvironment;
            }

            var runtime = Path.TrimEndingDirectorySeparator(RuntimeEnvironment.GetRuntimeDirectory());
            return Directory.GetParent(runtime)?.Parent?.Parent?.FullName;
        }
    }

    /// <summary>The reference assemblies of a shared framework (e.g. <c>Microsoft.NETCore.App</c>), newest pack, best target folder.</summary>
    public static ImmutableArray<string> Framework(string name, string? targetFramework) =>
        s_frameworks.GetOrAdd(name + "|" + targetFramework, _ => FindFramework(name, targetFramework));

    public static MetadataReference Reference(string path) =>
        s_references.GetOrAdd(path, p => MetadataReference.CreateFromFile(p));

    private static ImmutableArray<string> FindFramework(string name, string? targetFramework)
    {
        var root = DotnetRoot;
        var packs = root is null ? null : Path.Combine(root, "packs", name + ".Ref");
        if (packs is not null && Directory.Exists(packs))
        {
            var versions = Directory.GetDirectories(packs)
                .Select(d => (Path: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0)))
                .OrderByDescending(v => v.Version);
            foreach (var (path, _) in versions)
            {
                var refDir = Path.Combine(path, "ref");
                if (!Directory.Exists(refDir))
                {
                    continue;
                }

                var targets = Directory.GetDirectories(refDir).Select(Path.GetFileName).OfType<string>().ToList();
                var target = targets.FirstOrDefault(t => string.Equals(t, targetFramework, StringComparison.OrdinalIgnoreCase))
                    ?? targets.OrderByDescending(t => t, StringComparer.Ordinal).FirstOrDefault();
                if (target is not null)
                {
                    var dlls = Directory.GetFiles(Path.Combine(refDir, target), "*.dll");
                    if (dlls.Length > 0)
                    {
                        return [.. dlls.Order(StringComparer.Ordinal)];
                    }
                }
            }
        }

        // No reference pack (a runtime-only install): compile against the implementation assemblies.
        if (name != "Microsoft.NETCore.App")
        {
            var runtimeDir = Path.TrimEndingDirectorySeparator(RuntimeEnvironment.GetRuntimeDirectory());
            var shared = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(runtimeDir)!)!, name);
            var latest = Directory.Exists(shared) ? Directory.GetDirectories(shared).Order(StringComparer.Ordinal).LastOrDefault() : null;
            return latest is null ? [] : [.. Directory.GetFiles(latest, "*.dll").Where(IsManaged)];
        }

        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.StartsWith(Path.TrimEndingDirectorySeparator(RuntimeEnvironment.GetRuntimeDirectory()), StringComparison.Ordinal))
            .Where(IsManaged);
        return [.. trusted.Order(StringComparer.Ordinal)];
    }

    private static bool IsManaged(string path)
    {
        var name = Path.GetFileName(path);
        return name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && !name.StartsWith("Microsoft.DiaSymReader.Native", StringComparison.Ordinal)
            && !name.StartsWith("libclr", StringComparison.Ordinal) && name != "mscordaccore.dll" && name != "mscordbi.dll";
    }
}
