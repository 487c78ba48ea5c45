using System.IO.Packaging;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Heal.VisualStudio.Packaging;

/// <summary>
/// Reads a VSIX back and lists what is wrong with it: the manifest against the published VSIX manifest schema (the
/// VSSDK's PackageManifestSchema*.xsd), the installation targets, every asset and pkgdef the manifest names, every file
/// manifest.json lists with its hash, catalog.json, and the files the caller requires (the server). No problem: an
/// empty list.
/// </summary>
public static class VsixVerifier
{
    private static readonly XNamespace s_vsx = "http://schemas.microsoft.com/developer/vsx-schema/2011";

    public static IReadOnlyList<string> Verify(string vsixPath, string schemaDirectory, IEnumerable<string> requiredFiles, IEnumerable<string> requiredTargets)
    {
        var problems = new List<string>();
        Dictionary<string, byte[]> parts;
        try
        {
            using var package = Package.Open(vsixPath, FileMode.Open, FileAccess.Read);
            parts = package.GetParts().ToDictionary(p => p.Uri.OriginalString.TrimStart('/'), p => Read(p), StringComparer.OrdinalIgnoreCase);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FileFormatException or UnauthorizedAccessException)
        {
            return [$"{vsixPath} is not a readable OPC package: {e.Message}"];
        }

        if (!parts.TryGetValue("extension.vsixmanifest", out var manifestBytes))
        {
            return ["extension.vsixmanifest is missing"];
        }

        var manifest = ValidateManifest(manifestBytes, schemaDirectory, problems);
        if (manifest is null)
        {
            return problems;
        }

        var targets = manifest.Root!.Element(s_vsx + "Installation")?.Elements(s_vsx + "InstallationTarget")
            .Select(t => $"{(string?)t.Attribute("Id")} {(string?)t.Attribute("Version")}").ToList() ?? [];
        foreach (var target in requiredTargets.Where(t => !targets.Contains(t)))
        {
            problems.Add($"installation target '{target}' is missing (the manifest has: {string.Join("; ", targets)})");
        }

        foreach (var asset in manifest.Root.Element(s_vsx + "Assets")?.Elements(s_vsx + "Asset") ?? [])
        {
            var path = ((string?)asset.Attribute("Path") ?? "").Replace('\\', '/');
            if (!parts.ContainsKey(path))
            {
                problems.Add($"asset {(string?)asset.Attribute("Type")} names {path}, which is not in the package");
            }
        }

        CheckManifestJson(parts, problems);
        CheckCatalogJson(parts, manifest, problems);
        foreach (var required in requiredFiles.Where(f => !parts.ContainsKey(f)))
        {
            problems.Add($"{required} is not in the package");
        }

        return problems;
    }

    private static XDocument? ValidateManifest(byte[] bytes, string schemaDirectory, List<string> problems)
    {
        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        schemas.Add(s_vsx.NamespaceName, Path.Combine(schemaDirectory, "PackageManifestSchema.xsd"));
        XDocument document;
        try
        {
            using var stream = new MemoryStream(bytes);
            document = XDocument.Load(stream, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            problems.Add($"extension.vsixmanifest is not XML: {e.Message}");
            return null;
        }

        document.Validate(schemas, (_, e) => problems.Add($"extension.vsixmanifest: {e.Severity.ToString().ToLowerInvariant()}: {e.Message}"));
        return document;
    }

    private static void CheckManifestJson(Dictionary<string, byte[]> parts, List<string> problems)
    {
        if (!parts.TryGetValue("manifest.json", out var bytes))
        {
            problems.Add("manifest.json is missing");
            return;
        }

        var listed = JsonNode.Parse(bytes)!["files"]!.AsArray();
        foreach (var file in listed)
        {
            var name = ((string)file!["fileName"]!).TrimStart('/');
            if (!parts.TryGetValue(name, out var content))
            {
                problems.Add($"manifest.json lists {name}, which is not in the package");
            }
            else if (!string.Equals((string?)file["sha256"], Convert.ToHexString(SHA256.HashData(content)), StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"manifest.json's hash of {name} does not match the file");
            }
        }

        var names = listed.Select(f => ((string)f!["fileName"]!).TrimStart('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var unlisted in parts.Keys.Where(k => k is not ("manifest.json" or "catalog.json" or "[Content_Types].xml") && !names.Contains(k)))
        {
            problems.Add($"{unlisted} is in the package but not in manifest.json");
        }
    }

    private static void CheckCatalogJson(Dictionary<string, byte[]> parts, XDocument manifest, List<string> problems)
    {
        if (!parts.TryGetValue("catalog.json", out var bytes))
        {
            problems.Add("catalog.json is missing");
            return;
        }

        var identity = manifest.Root!.Element(s_vsx + "Metadata")!.Element(s_vsx + "Identity")!;
        var id = (string?)identity.Attribute("Id");
        var catalog = JsonNode.Parse(bytes)!;
        var packages = catalog["packages"]!.AsArray();
        if (!packages.Any(p => (string?)p!["id"] == id && (string?)p["type"] == "Vsix"))
        {
            problems.Add($"catalog.json has no Vsix package with the manifest's id {id}");
        }

        if (!packages.Any(p => (string?)p!["id"] == "Component." + id && p["dependencies"]?[id!] is not null))
        {
            problems.Add($"catalog.json has no component Component.{id} depending on it");
        }
    }

    private static byte[] Read(PackagePart part)
    {
        using var stream = part.GetStream();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
