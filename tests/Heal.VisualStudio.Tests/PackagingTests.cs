using System.IO.Packaging;
using System.Xml.Linq;
using Heal.Testing;
using Heal.VisualStudio.Packaging;

namespace Heal.VisualStudio.Tests;

/// <summary>
/// heal-vsix on the real built adapter and a real heal build (the one beside these tests): the VSIX it packs reads back
/// as a valid OPC package whose manifest the published schema accepts, and the verifier finds what a broken one lacks.
/// The win-x64 VSIX itself is packed and verified by tests/scripts/vs-extension.sh.
/// </summary>
public sealed class PackagingTests : IDisposable
{
    private static readonly string s_schemas = Path.Combine(AppContext.BaseDirectory, "schemas");
    private static readonly string[] s_targets = ["Microsoft.VisualStudio.Community [17.14,19.0)", "Microsoft.VisualStudio.Pro [17.14,19.0)", "Microsoft.VisualStudio.Enterprise [17.14,19.0)"];
    private readonly TempDirectory _temp = new("heal-vsix");

    [Fact]
    public void Pack_BuiltAdapterAndServer_VerifiesWithNoProblem()
    {
        var vsix = Pack();

        Assert.Empty(VsixVerifier.Verify(vsix, s_schemas, ["server/heal.dll", "server/heal.runtimeconfig.json", "Heal.VisualStudio.Core.dll"], s_targets));
        using var package = Package.Open(vsix, FileMode.Open, FileAccess.Read);
        var names = package.GetParts().Select(p => p.Uri.OriginalString).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["/Heal.VisualStudio.Core.dll", "/Heal.VisualStudio.dll", "/catalog.json", "/extension.vsixmanifest", "/heal.pkgdef", "/manifest.json",
            "/server/heal.dll", "/server/heal.runtimeconfig.json"], names);
    }

    [Fact]
    public void Pack_BuiltAdapter_PkgDefRegistersThePackageToolWindowsAndOptions()
    {
        var pkgdef = ReadPart(Pack(), "/heal.pkgdef");

        Assert.Contains("[$RootKey$\\Packages\\{6f3f6a2e-6d3c-4a57-9c1f-5b1e7c8a9d01}]\n@=\"Heal.VisualStudio.HealPackage\"\n\"InprocServer32\"=\"$WinDir$\\SYSTEM32\\MSCOREE.DLL\"\n\"Class\"=\"Heal.VisualStudio.HealPackage\"\n\"CodeBase\"=\"$PackageFolder$\\Heal.VisualStudio.dll\"\n\"AllowsBackgroundLoading\"=dword:00000001", pkgdef, StringComparison.Ordinal);
        Assert.Contains("[$RootKey$\\ToolWindows\\{b2d7c1e4-3a5f-4e8b-8c9d-0e1f2a3b4c5d}]\n@=\"{6f3f6a2e-6d3c-4a57-9c1f-5b1e7c8a9d01}\"\n\"Name\"=\"Heal.VisualStudio.ProductionErrorsToolWindow\"\n\"Style\"=\"Tabbed\"", pkgdef, StringComparison.Ordinal);
        Assert.Contains("[$RootKey$\\ToolWindows\\{c3e8d2f5-4b6a-4f9c-9d0e-1f2a3b4c5d6e}]", pkgdef, StringComparison.Ordinal);
        Assert.Contains("[$RootKey$\\ToolsOptionsPages\\Heal\\General]\n@=\"General\"\n\"Package\"=\"{6f3f6a2e-6d3c-4a57-9c1f-5b1e7c8a9d01}\"\n\"Page\"=\"{d4f9e3a6-5c7b-4a0d-8e1f-2a3b4c5d6e7f}\"", pkgdef, StringComparison.Ordinal);
        Assert.Contains("[$RootKey$\\BindingPaths\\{6f3f6a2e-6d3c-4a57-9c1f-5b1e7c8a9d01}]", pkgdef, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ServerFileMissingAndTargetNotListed_SaysBoth()
    {
        var vsix = Pack();

        var problems = VsixVerifier.Verify(vsix, s_schemas, ["server/heal.exe"], ["Microsoft.VisualStudio.Community [18.0,19.0)"]);

        Assert.Equal(2, problems.Count);
        Assert.Contains("server/heal.exe is not in the package", problems);
        Assert.StartsWith("installation target 'Microsoft.VisualStudio.Community [18.0,19.0)' is missing", problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ManifestWithoutIdentityAndAnAssetThatIsNotThere_SchemaErrorAndMissingAsset()
    {
        var manifest = XDocument.Load(Adapter.ManifestPath);
        XNamespace vsx = "http://schemas.microsoft.com/developer/vsx-schema/2011";
        manifest.Root!.Element(vsx + "Metadata")!.Element(vsx + "DisplayName")!.Remove();
        manifest.Root.Element(vsx + "Assets")!.Add(new XElement(vsx + "Asset", new XAttribute("Type", "Microsoft.VisualStudio.MefComponent"), new XAttribute("Path", "Missing.dll")));
        var broken = _temp.Combine("broken.vsixmanifest");
        manifest.Save(broken);

        var problems = VsixVerifier.Verify(Pack(broken), s_schemas, [], []);

        Assert.Contains(problems, p => p.StartsWith("extension.vsixmanifest: error:", StringComparison.Ordinal) && p.Contains("DisplayName", StringComparison.Ordinal));
        Assert.Contains("asset Microsoft.VisualStudio.MefComponent names Missing.dll, which is not in the package", problems);
    }

    [Fact]
    public void Verify_FileChangedAfterPacking_HashMismatchNamed()
    {
        var vsix = Pack();
        using (var package = Package.Open(vsix, FileMode.Open, FileAccess.ReadWrite))
        {
            using var stream = package.GetPart(new Uri("/server/heal.runtimeconfig.json", UriKind.Relative)).GetStream(FileMode.Create);
            stream.Write("{}"u8);
        }

        Assert.Equal(["manifest.json's hash of server/heal.runtimeconfig.json does not match the file"], VsixVerifier.Verify(vsix, s_schemas, [], []));
    }

    [Fact]
    public void Verify_NotAZip_OneClearProblem()
    {
        var path = _temp.Combine("not.vsix");
        File.WriteAllText(path, "hello");

        var problem = Assert.Single(VsixVerifier.Verify(path, s_schemas, [], []));
        Assert.StartsWith($"{path} is not a readable OPC package", problem, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private string Pack(string? manifest = null)
    {
        var server = _temp.Combine("server");
        Directory.CreateDirectory(server);
        foreach (var name in new[] { "heal.dll", "heal.runtimeconfig.json" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, name), Path.Combine(server, name), overwrite: true);
        }

        var output = _temp.Combine($"heal-{Guid.NewGuid():N}.vsix");
        var references = File.ReadAllLines(Path.Combine(Adapter.Directory, "references.txt")).Where(l => l.Length > 0).ToList();
        VsixPackager.Pack(new VsixInputs(manifest ?? Adapter.ManifestPath, [Adapter.AssemblyPath, Path.Combine(Adapter.Directory, "Heal.VisualStudio.Core.dll")], references, server, output));
        return output;
    }

    private static string ReadPart(string vsix, string name)
    {
        using var package = Package.Open(vsix, FileMode.Open, FileAccess.Read);
        using var reader = new StreamReader(package.GetPart(new Uri(name, UriKind.Relative)).GetStream());
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}
