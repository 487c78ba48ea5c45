using System.Collections.Immutable;
using System.Text.Json;

namespace Heal.Repair.Workspace;

/// <summary>
/// The compile-time assemblies of a project's NuGet packages, read from the <c>obj/project.assets.json</c> a
/// restore left behind, resolved in the package folders it names (usually the NuGet cache). Nothing is
/// restored: without that file a project compiles against the framework alone.
/// </summary>
public static class ProjectAssets
{
    public static ImmutableArray<string> CompileAssemblies(string projectDirectory, string? targetFramework)
    {
        var assets = Path.Combine(projectDirectory, "obj", "project.assets.json");
        if (!File.Exists(assets))
        {
            return ImmutableArray<string>.Empty;
        }

        try
        {
            using var stream = File.OpenRead(assets);
            using var json = JsonDocument.Parse(stream);
            var root = json.RootElement;
            var folders = root.TryGetProperty("packageFolders", out var pf) && pf.ValueKind == JsonValueKind.Object
                ? pf.EnumerateObject().Select(p => p.Name).ToList()
                : [];
            if (!root.TryGetProperty("targets", out var targets) || targets.ValueKind != JsonValueKind.Object)
            {
                return ImmutableArray<string>.Empty;
            }

            var target = targets.EnumerateObject()
                .OrderByDescending(t => targetFramework is not null && t.Name.StartsWith(targetFramework, StringComparison.OrdinalIgnoreCase))
                .ThenBy(t => t.Name.Contains('/', StringComparison.Ordinal))
                .Select(t => (JsonProperty?)t)
                .FirstOrDefault();
            if (target is null || !root.TryGetProperty("libraries", out var libraries))
            {
                return ImmutableArray<string>.Empty;
            }

            var result = ImmutableArray.CreateBuilder<string>();
            foreach (var package in target.Value.Value.EnumerateObject())
            {
                if (!package.Value.TryGetProperty("type", out var type) || type.GetString() != "package"
                    || !package.Value.TryGetProperty("compile", out var compile)
                    || !libraries.TryGetProperty(package.Name, out var library)
                    || !library.TryGetProperty("path", out var libraryPath))
                {
                    continue;
                }

                foreach (var file in compile.EnumerateObject().Select(c => c.Name).Where(n => n.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)))
                {
                    var resolved = folders
                        .Select(f => Path.Combine(f, libraryPath.GetString()!, file))
                        .FirstOrDefault(File.Exists);
                    if (resolved is not null)
                    {
                        result.Add(resolved);
                    }
                }
            }

            return result.ToImmutable();
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return ImmutableArray<string>.Empty;
        }
    }
}
