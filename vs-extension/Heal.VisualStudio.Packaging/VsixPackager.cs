using System.IO.Packaging;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Heal.VisualStudio.Packaging;

/// <summary>
/// Packs a VSIX (an OPC zip, as Visual Studio's installer reads it): <c>extension.vsixmanifest</c>, the assemblies, the
/// <c>.pkgdef</c> written from the package's attributes, the server under <c>server/</c>, and the installer's
/// <c>manifest.json</c> (every file with its SHA-256) and <c>catalog.json</c> (the component and its dependencies);
/// System.IO.Packaging writes <c>[Content_Types].xml</c>.
/// </summary>
public static class VsixPackager
{
    public const string PkgDefName = "heal.pkgdef";

    private static readonly XNamespace s_vsx = "http://schemas.microsoft.com/developer/vsx-schema/2011";

    public static void Pack(VsixInputs inputs)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["extension.vsixmanifest"] = File.ReadAllBytes(inputs.Manifest),
        };
        foreach (var assembly in inputs.Assemblies)
        {
            files[Path.GetFileName(assembly)] = File.ReadAllBytes(assembly);
        }

        files[PkgDefName] = Encoding.UTF8.GetBytes(PkgDefOf(inputs.Assemblies[0], inputs.ReferencePaths));
        foreach (var file in Directory.EnumerateFiles(inputs.ServerDirectory, "*", SearchOption.AllDirectories))
        {
            files["server/" + Path.GetRelativePath(inputs.ServerDirectory, file).Replace('\\', '/')] = File.ReadAllBytes(file);
        }

        var manifest = XDocument.Load(inputs.Manifest);
        var identity = manifest.Root!.Element(s_vsx + "Metadata")!.Element(s_vsx + "Identity")!;
        var id = (string)identity.Attribute("Id")!;
        var version = (string)identity.Attribute("Version")!;
        var prerequisites = manifest.Root.Element(s_vsx + "Prerequisites")?.Elements(s_vsx + "Prerequisite")
            .ToDictionary(p => (string)p.Attribute("Id")!, p => (string)p.Attribute("Version")!) ?? [];
        var installSize = files.Values.Sum(f => (long)f.Length);
        // One folder per version under the Extensions folder, stable for the same version (a re-pack replaces it).
        var extensionDir = $@"[installdir]\Common7\IDE\Extensions\Heal\{version}";
        files["manifest.json"] = Json(new JsonObject
        {
            ["id"] = id,
            ["version"] = version,
            ["type"] = "Vsix",
            ["vsixId"] = id,
            ["extensionDir"] = extensionDir,
            ["files"] = new JsonArray(files.Select(f => (JsonNode)new JsonObject { ["fileName"] = "/" + f.Key, ["sha256"] = Convert.ToHexString(SHA256.HashData(f.Value)) }).ToArray()),
            ["installSizes"] = new JsonObject { ["targetDrive"] = installSize },
            ["dependencies"] = Dependencies(prerequisites),
        });
        var metadata = manifest.Root.Element(s_vsx + "Metadata")!;
        var componentDependencies = Dependencies(prerequisites);
        componentDependencies[id] = version;
        files["catalog.json"] = Json(new JsonObject
        {
            ["manifestVersion"] = "1.1",
            ["info"] = new JsonObject { ["id"] = $"{id},version={version}", ["manifestType"] = "Extension" },
            ["packages"] = new JsonArray(
                new JsonObject
                {
                    ["id"] = "Component." + id,
                    ["version"] = version,
                    ["type"] = "Component",
                    ["extension"] = true,
                    ["dependencies"] = componentDependencies,
                    ["localizedResources"] = new JsonArray(new JsonObject
                    {
                        ["language"] = (string?)identity.Attribute("Language") ?? "en-US",
                        ["title"] = (string?)metadata.Element(s_vsx + "DisplayName"),
                        ["description"] = (string?)metadata.Element(s_vsx + "Description"),
                    }),
                },
                new JsonObject
                {
                    ["id"] = id,
                    ["version"] = version,
                    ["type"] = "Vsix",
                    ["payloads"] = new JsonArray(new JsonObject { ["fileName"] = Path.GetFileName(inputs.Output), ["size"] = installSize }),
                    ["vsixId"] = id,
                    ["extensionDir"] = extensionDir,
                    ["installSizes"] = new JsonObject { ["targetDrive"] = installSize },
                }),
        });

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(inputs.Output))!);
        var temporary = inputs.Output + ".tmp";
        File.Delete(temporary);
        using (var package = Package.Open(temporary, FileMode.CreateNew))
        {
            foreach (var (name, bytes) in files)
            {
                var part = package.CreatePart(PackUriHelper.CreatePartUri(new Uri(name, UriKind.Relative)), ContentTypeOf(name), CompressionOption.Normal);
                using var stream = part.GetStream();
                stream.Write(bytes);
            }
        }

        // Renamed into place only once complete: a failed pack leaves no half-written VSIX behind.
        File.Move(temporary, inputs.Output, overwrite: true);
    }

    /// <summary>The pkgdef for the extension assembly, from its attributes (see <see cref="PkgDefWriter"/>).</summary>
    public static string PkgDefOf(string assemblyPath, IReadOnlyList<string> referencePaths)
    {
        var paths = referencePaths.Append(assemblyPath).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        using var context = new MetadataLoadContext(new PathAssemblyResolver(paths), "mscorlib");
        return PkgDefWriter.Write(context.LoadFromAssemblyPath(assemblyPath));
    }

    public static string ContentTypeOf(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".vsixmanifest" => "text/xml",
        ".xml" => "text/xml",
        ".json" => "application/json",
        ".pkgdef" => "text/plain",
        ".txt" or ".md" => "text/plain",
        ".dll" or ".exe" => "application/octet-stream",
        _ => "application/octet-stream",
    };

    private static JsonObject Dependencies(IReadOnlyDictionary<string, string> prerequisites)
    {
        var result = new JsonObject();
        foreach (var (id, version) in prerequisites)
        {
            result[id] = version;
        }

        return result;
    }

    private static byte[] Json(JsonObject value) => Encoding.UTF8.GetBytes(value.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
}
