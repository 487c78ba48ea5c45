using System.Reflection;

namespace Heal.VisualStudio.Tests;

/// <summary>What MEF and Visual Studio will find in the built adapter, read with MetadataLoadContext (it cannot run here).</summary>
public sealed class AdapterMetadataTests : IDisposable
{
    private const string Shell = "Microsoft.VisualStudio.Shell.";
    private const string Client = "Microsoft.VisualStudio.LanguageServer.Client.";
    private readonly Adapter _adapter = new();

    [Fact]
    public void Exports_BuiltAdapter_OneLanguageClientForCSharp()
    {
        var exports = _adapter.Assembly.GetTypes()
            .Where(t => Adapter.Attributes(t, "System.ComponentModel.Composition.ExportAttribute").Any())
            .ToList();

        var client = Assert.Single(exports);
        Assert.Equal("Heal.VisualStudio.HealLanguageClient", client.FullName);
        var export = Assert.Single(Adapter.Attributes(client, "System.ComponentModel.Composition.ExportAttribute"));
        Assert.Equal(Client + "ILanguageClient", ((Type)export.ConstructorArguments[0].Value!).FullName);
        var contentType = Assert.Single(Adapter.Attributes(client, "Microsoft.VisualStudio.Utilities.ContentTypeAttribute"));
        Assert.Equal("CSharp", contentType.ConstructorArguments[0].Value);
        var interfaces = client.GetInterfaces().Select(i => i.FullName).ToList();
        Assert.Contains(Client + "ILanguageClient", interfaces);
        Assert.Contains(Client + "ILanguageClientCustomMessage2", interfaces);
        Assert.NotNull(client.GetConstructor(Type.EmptyTypes));
    }

    [Fact]
    public void MiddleLayer_BuiltAdapter_ImplementsTheJTokenMiddleLayer()
    {
        var middle = _adapter.Type("HealMiddleLayer");

        var layer = Assert.Single(middle.GetInterfaces(), i => i.Name.StartsWith("ILanguageClientMiddleLayer2", StringComparison.Ordinal));
        Assert.Equal("Newtonsoft.Json.Linq.JToken", Assert.Single(layer.GetGenericArguments()).FullName);
    }

    [Fact]
    public void Package_BuiltAdapter_AsyncPackageLoadedInTheBackground()
    {
        var package = _adapter.Type("HealPackage");

        Assert.True(Adapter.DerivesFrom(package, Shell + "AsyncPackage"));
        var registration = Adapter.Attribute(package, Shell + "PackageRegistrationAttribute")!;
        Assert.Equal(true, Adapter.Named(registration, "AllowsBackgroundLoading"));
        Assert.Equal(true, Adapter.Named(registration, "UseManagedResourcesOnly"));
        Assert.Equal(HealGuid("Package"), Adapter.Attribute(package, "System.Runtime.InteropServices.GuidAttribute")!.ConstructorArguments[0].Value);
        var autoLoad = Assert.Single(Adapter.Attributes(package, Shell + "ProvideAutoLoadAttribute"));
        Assert.Equal(Guid.Parse("f1536ef8-92ec-443c-9ed7-fdadf150da82"), Guid.Parse((string)autoLoad.ConstructorArguments[0].Value!)); // SolutionExists
    }

    [Theory]
    [InlineData("ProductionErrorsToolWindow", true)]
    [InlineData("PatchReviewToolWindow", false)]
    public void ToolWindows_BuiltAdapter_RegisteredByThePackageAndDockedWithTheErrorList(string name, bool shownWithASolution)
    {
        var package = _adapter.Type("HealPackage");
        var window = _adapter.Type(name);

        Assert.True(Adapter.DerivesFrom(window, Shell + "ToolWindowPane"));
        Assert.Equal(HealGuid(name), Adapter.Attribute(window, "System.Runtime.InteropServices.GuidAttribute")!.ConstructorArguments[0].Value);
        var provide = Assert.Single(Adapter.Attributes(package, Shell + "ProvideToolWindowAttribute"), a => (Type)a.ConstructorArguments[0].Value! == window);
        Assert.Equal("{D78612C7-9962-4B83-95D9-268046DAD23A}", Adapter.Named(provide, "Window"));
        Assert.Equal(shownWithASolution, Adapter.Attributes(package, Shell + "ProvideToolWindowVisibilityAttribute").Any(a => (Type)a.ConstructorArguments[0].Value! == window));
        Assert.NotNull(window.GetConstructor(Type.EmptyTypes));
    }

    [Fact]
    public void OptionsPage_BuiltAdapter_ToolsOptionsHealGeneralWithTokensNeverPersisted()
    {
        var package = _adapter.Type("HealPackage");
        var page = _adapter.Type("HealOptionsPage");

        var provide = Assert.Single(Adapter.Attributes(package, Shell + "ProvideOptionPageAttribute"));
        Assert.Equal(page, provide.ConstructorArguments[0].Value);
        Assert.Equal(("Heal", "General"), ((string)provide.ConstructorArguments[1].Value!, (string)provide.ConstructorArguments[2].Value!));
        Assert.True(Adapter.DerivesFrom(page, Shell + "DialogPage"));
        foreach (var token in new[] { "GitHubToken", "LlmApiKey", "SentryToken" })
        {
            var property = page.GetProperty(token)!;
            var visibility = Adapter.Attribute(property, "System.ComponentModel.DesignerSerializationVisibilityAttribute");
            Assert.Equal(0, Convert.ToInt32(visibility!.ConstructorArguments[0].Value)); // Hidden: DialogPage does not save it.
            Assert.NotNull(Adapter.Attribute(property, "System.ComponentModel.PasswordPropertyTextAttribute"));
        }

        var settings = page.GetProperties().Where(p => Adapter.Attribute(p, "System.ComponentModel.CategoryAttribute") is not null).Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "ServerPath", "Store", "Jsonl", "ImportBaseUrl", "ImportOrganization", "ImportProject", "LlmProvider", "LlmEndpoint", "LlmModel", "CodeHostUrl", "CodeHostRepository" }, settings);
    }

    [Fact]
    public void CredentialStore_BuiltAdapter_CallsTheWindowsCredentialApi()
    {
        var store = _adapter.Type("WindowsCredentialStore");

        var pinvokes = store.GetMethods(BindingFlags.NonPublic | BindingFlags.Static).Where(m => (m.Attributes & MethodAttributes.PinvokeImpl) != 0).Select(m => m.Name).ToHashSet();
        Assert.Equal(new HashSet<string> { "CredRead", "CredWrite", "CredDelete", "CredFree" }, pinvokes);
        Assert.Contains("Heal.VisualStudio.Core.Secrets.ISecretStore", store.GetInterfaces().Select(i => i.FullName));
    }

    [Fact]
    public void References_BuiltAdapter_OnlyVisualStudioFrameworkAndTheCore()
    {
        var ours = _adapter.Assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Heal", StringComparison.Ordinal)).ToList();

        Assert.Equal(["Heal.VisualStudio.Core"], ours);
    }

    public void Dispose() => _adapter.Dispose();

    private string HealGuid(string name) => (string)_adapter.Type("HealGuids").GetField(name)!.GetRawConstantValue()!;
}
