using System.Text.RegularExpressions;

namespace Heal.Architecture.Tests;

/// <summary>
/// The invariants docs/ARCHITECTURE.md states, checked on what each built product assembly actually uses: the namespaces
/// and types it references and the members it calls, read from its metadata (<see cref="AssemblyUse"/>). Project
/// references (<see cref="DependencyRulesTests"/>) say what a project may see; these say what it does with it.
/// </summary>
public sealed partial class NamespaceRulesTests
{
    /// <summary>Project (folder and root namespace) → assembly file name.</summary>
    private static readonly IReadOnlyDictionary<string, string> s_assemblies = new Dictionary<string, string>
    {
        ["Heal.Core"] = "Heal.Core.dll",
        ["Heal.Feed"] = "Heal.Feed.dll",
        ["Heal.Repair"] = "Heal.Repair.dll",
        ["Heal.Validation"] = "Heal.Validation.dll",
        ["Heal.Delivery"] = "Heal.Delivery.dll",
        ["Heal.Pipeline"] = "Heal.Pipeline.dll",
        ["Heal.LanguageServer"] = "Heal.LanguageServer.dll",
        ["Heal.Cli"] = "heal.dll",
    };

    /// <summary>
    /// The Heal namespaces each project may use besides its own. The language server uses Feed, Repair, Validation and
    /// Delivery types that arrive through <c>Heal.Pipeline</c> (its boundary), never the CLI's.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string[]> s_healNamespaces = new Dictionary<string, string[]>
    {
        ["Heal.Core"] = [],
        ["Heal.Feed"] = ["Heal.Core"],
        ["Heal.Repair"] = ["Heal.Core"],
        ["Heal.Validation"] = ["Heal.Core"],
        ["Heal.Delivery"] = ["Heal.Core"],
        ["Heal.Pipeline"] = ["Heal.Core", "Heal.Feed", "Heal.Repair", "Heal.Validation", "Heal.Delivery"],
        ["Heal.LanguageServer"] = ["Heal.Core", "Heal.Pipeline", "Heal.Feed", "Heal.Repair", "Heal.Validation", "Heal.Delivery"],
        ["Heal.Cli"] = ["Heal.Core", "Heal.Pipeline", "Heal.Feed", "Heal.Repair", "Heal.Validation", "Heal.Delivery", "Heal.LanguageServer"],
    };

    private static readonly Lazy<IReadOnlyDictionary<string, AssemblyUse>> s_uses = new(() =>
        s_assemblies.ToDictionary(p => p.Key, p => AssemblyUse.Read(Path.Combine(AppContext.BaseDirectory, p.Value))));

    public static TheoryData<string> Projects() => new(s_assemblies.Keys);

    [Fact]
    public void ProductAssemblies_EveryServerProject_Checked()
    {
        var projects = Directory.GetDirectories(Path.Combine(RepositoryRoot.Path, "server"))
            .Where(d => File.Exists(Path.Combine(d, Path.GetFileName(d) + ".csproj")))
            .Select(Path.GetFileName);
        Assert.Equal(projects.Order(StringComparer.Ordinal), s_assemblies.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void DefinedTypes_ProductAssembly_OnlyInItsRootNamespace(string project)
    {
        // Folder = project = assembly = root namespace (docs/style.md); the regex source generator adds its own.
        var stray = Use(project).DefinedNamespaces
            .Where(n => !AssemblyUse.IsWithin(n, project) && n != "System.Text.RegularExpressions.Generated")
            .ToList();
        Assert.True(stray.Count == 0, $"{project} defines types outside {project}: {string.Join(", ", stray)}");
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void HealNamespaces_ProductAssembly_OnlyThoseItsBoundaryAllows(string project)
    {
        var allowed = s_healNamespaces[project].Append(project).ToList();
        var stray = Use(project).NamespacesWithin("Heal").Where(n => !allowed.Any(a => AssemblyUse.IsWithin(n, a))).ToList();
        Assert.True(stray.Count == 0, $"{project} uses {string.Join(", ", stray)}, which its boundary in docs/ARCHITECTURE.md does not allow.");
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void LspAndJsonRpc_OutsideLanguageServer_NeverUsed(string project)
    {
        // Only Heal.LanguageServer knows LSP and JSON-RPC, and protocol types never leave it: the CLI starts it through
        // its root namespace and sees none of its protocol, conversion, handler or transport types.
        if (project == "Heal.LanguageServer")
        {
            return;
        }

        var use = Use(project);
        var stray = use.NamespacesWithin("StreamJsonRpc")
            .Concat(use.NamespacesWithin("Nerdbank.Streams"))
            .Concat(use.NamespacesWithin("Heal.LanguageServer").Where(n => n != "Heal.LanguageServer"))
            .ToList();
        Assert.True(stray.Count == 0, $"{project} uses {string.Join(", ", stray)}: only Heal.LanguageServer knows LSP and JSON-RPC.");
    }

    [Fact]
    public void Core_BuiltAssembly_NoIoClockOrEnvironment()
    {
        // Heal.Core does no I/O: no file system, network, process, console, environment or wall clock; only the BCL.
        var use = Use("Heal.Core");
        var offenders = use.ReferencedNamespaces
            .Where(n => AssemblyUse.IsWithin(n, "System.IO") || AssemblyUse.IsWithin(n, "System.Net") || AssemblyUse.IsWithin(n, "System.Data")
                || AssemblyUse.IsWithin(n, "Microsoft") || (AssemblyUse.IsWithin(n, "Heal") && !AssemblyUse.IsWithin(n, "Heal.Core")))
            .Concat(use.ReferencedTypes.Where(t => t is "System.Console" or "System.Environment" or "System.Diagnostics.Process" or "System.Diagnostics.ProcessStartInfo" or "System.TimeProvider"))
            .Concat(use.ReferencedMembers.Where(m => CoreBannedMember().IsMatch(m)))
            .ToList();
        Assert.True(offenders.Count == 0, "Heal.Core must do no I/O:\n" + string.Join("\n", offenders));
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void GitRemoteAndCodeHost_OutsideDelivery_NeverUsed(string project)
    {
        // Only Heal.Delivery talks to a git remote (LibGit2Sharp pushes) or a code host (Octokit).
        if (project == "Heal.Delivery")
        {
            return;
        }

        var use = Use(project);
        var stray = use.NamespacesWithin("LibGit2Sharp").Concat(use.NamespacesWithin("Octokit")).ToList();
        Assert.True(stray.Count == 0, $"{project} uses {string.Join(", ", stray)}: only Heal.Delivery talks to a git remote or a code host.");
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void ChildProcesses_ProductAssembly_StartedOnlyThroughCliWrap(string project)
    {
        // Programs run with argument lists through CliWrap (kill-the-tree cancellation, never a shell), and only where
        // the code map says programs run: validation (git, dotnet, bwrap), delivery (git plumbing), the CLI's demo.
        var use = Use(project);
        var stray = use.ReferencedTypes.Where(t => t is "System.Diagnostics.ProcessStartInfo")
            .Concat(use.ReferencedMembers.Where(m => m.StartsWith("System.Diagnostics.Process::Start", StringComparison.Ordinal)))
            .Concat(project is "Heal.Validation" or "Heal.Delivery" or "Heal.Cli" ? Enumerable.Empty<string>() : use.NamespacesWithin("CliWrap"))
            .ToList();
        Assert.True(stray.Count == 0, $"{project} starts processes outside the rule: {string.Join(", ", stray)}");
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Console_OutsideCli_NeverUsed(string project)
    {
        // The language server's stdout carries nothing but framed JSON-RPC: no library writes to (or reads) the console;
        // the CLI hands the language server its streams and owns every other line on stdout and stderr.
        if (project == "Heal.Cli")
        {
            return;
        }

        var stray = Use(project).ReferencedMembers.Where(m => m.StartsWith("System.Console::", StringComparison.Ordinal)).ToList();
        Assert.True(stray.Count == 0, $"{project} uses the console: {string.Join(", ", stray)}");
    }

    [Theory]
    [InlineData("Heal.Cli")]
    [InlineData("Heal.LanguageServer")]
    public void Adapters_CliAndLanguageServer_OnlyThroughTheCompositionRoot(string project)
    {
        // Nothing outside HealHost constructs a store, source, diagnoser, validator, delivery, code host or pipeline.
        var stray = Use(project).ReferencedMembers.Where(m => AdapterConstruction().IsMatch(m)).ToList();
        Assert.True(stray.Count == 0, $"{project} builds what Heal.Pipeline.Hosting.HealHost composes: {string.Join(", ", stray)}");
    }

    private static AssemblyUse Use(string project) => s_uses.Value[project];

    [GeneratedRegex(@"^System\.(DateTime|DateTimeOffset)::get_(Now|UtcNow|Today)$|^System\.Threading\.Tasks\.Task::Delay$|^System\.Threading\.Thread::Sleep$|^System\.Random::get_Shared$|^System\.Guid::NewGuid$")]
    private static partial Regex CoreBannedMember();

    [GeneratedRegex(@"^Heal\.(Feed|Repair|Validation|Delivery|Pipeline)\.([\w.]+\.)?(\w*ErrorStores?|\w*ErrorSource|\w*Diagnoser|DiagnoserFactory|PatchValidator|DeliveryService|\w*CodeHost|HealPipeline)::(\.ctor|Open\w*|Create\w*)$")]
    private static partial Regex AdapterConstruction();
}
