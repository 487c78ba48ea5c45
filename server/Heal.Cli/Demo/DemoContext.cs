using Heal.Core.Model;
using Heal.Feed.Receiver;
using Heal.Feed.Store;

namespace Heal.Cli.Demo;

/// <summary>
/// What the demo's steps share: the temporary workspace, the sample's copy in it, and what earlier steps produced (the
/// running feed, its store, the DSN, the captured groups). The command owns it and cleans it up.
/// </summary>
public sealed class DemoContext
{
    public DemoContext(string workspace, string bundledSample)
    {
        Workspace = workspace;
        BundledSample = bundledSample;
    }

    /// <summary>The demo's own temporary folder; everything the demo writes is inside it.</summary>
    public string Workspace { get; }

    /// <summary>The sample solution shipped beside heal.dll; never written to.</summary>
    public string BundledSample { get; }

    /// <summary>The copy of the sample the demo builds and runs.</summary>
    public string SampleRoot => Path.Combine(Workspace, "sample");

    public string StorePath => Path.Combine(Workspace, "feed.db");

    /// <summary>The bare repository the demo pushes the fix branch to.</summary>
    public string OriginPath => Path.Combine(Workspace, "origin.git");

    /// <summary>Where validation puts its worktree and build cache, and delivery its temporary index: inside the workspace.</summary>
    public string HealWorkRoot => Path.Combine(Workspace, "heal");

    /// <summary>The pull-request body the demo would open.</summary>
    public string PullRequestBodyPath => Path.Combine(Workspace, "pull-request.md");

    /// <summary>The event the heal step worked on, and what came of it.</summary>
    public ErrorEvent? HealedEvent { get; set; }

    public Heal.Pipeline.HealResult? Result { get; set; }

    public IErrorStore? Store { get; set; }

    public FeedServer? Feed { get; set; }

    public string? Dsn { get; set; }

    /// <summary>The sample's entry assembly once built.</summary>
    public string? SampleAssembly { get; set; }

    public IReadOnlyList<ErrorGroup> Groups { get; set; } = [];

    /// <summary>The store, or a failure telling which step should have opened it.</summary>
    public IErrorStore RequireStore() =>
        Store ?? throw new DemoStepException("the feed is not running (the start-feed step did not run).");
}
