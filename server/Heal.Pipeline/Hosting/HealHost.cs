using Heal.Delivery;
using Heal.Delivery.Git;
using Heal.Delivery.GitHub;
using Heal.Feed.Sources;
using Heal.Feed.Store;
using Heal.Repair.Engine;
using Heal.Repair.Workspace;
using Heal.Validation;

namespace Heal.Pipeline.Hosting;

/// <summary>
/// The composition root: the only place that picks the store, the error source, the diagnoser, the validator, delivery
/// and the code host, from one <see cref="HealOptions"/>. The CLI and the language server both build one and ask it for
/// parts; nothing else constructs an adapter. Parts are made on first use, so a command that only lists errors never
/// loads Roslyn.
/// </summary>
public sealed class HealHost
{
    private readonly Lazy<WorkspaceProvider> _workspaces = new(() => new WorkspaceProvider());
    private readonly Lazy<DiagnoserChoice> _diagnoser;

    public HealHost(HealOptions options)
    {
        Options = options;
        Store = StoreChoice.Resolve(options.Store, options.Folder, options.Environment);
        _diagnoser = new Lazy<DiagnoserChoice>(() => DiagnoserFactory.Create(options.Offline, options.Environment, Workspaces));
    }

    public HealOptions Options { get; }

    /// <summary>The store this host reads and writes, and why it was chosen.</summary>
    public StoreChoice Store { get; }

    /// <summary>Roslyn workspaces of repositories, shared by every diagnosis this host makes (an editor keeps them warm).</summary>
    public WorkspaceProvider Workspaces => _workspaces.Value;

    /// <summary>The diagnoser (the offline rules, or an LLM when one is configured and not <see cref="HealOptions.Offline"/>), and why.</summary>
    public DiagnoserChoice Diagnoser => _diagnoser.Value;

    /// <summary>Diagnose → validate → deliver, with delivery through git and GitHub (token from the environment).</summary>
    public HealPipeline CreatePipeline()
    {
        var credentials = GitCredentials.FromEnvironment(Options.Environment);
        return new HealPipeline(Diagnoser.Diagnoser, new PatchValidator(Options.Environment), new DeliveryService(t => new GitHubCodeHost(t.Url, credentials), credentials));
    }

    /// <summary>Opens the store for writing, creating it (and its folder) when missing: the feed.</summary>
    public IErrorStore OpenStore() => ErrorStores.Open(Store.Location);

    /// <summary>Opens the store for reading; a missing store is a <see cref="StoreException"/> with <see cref="StoreProblem.NotFound"/>.</summary>
    public IErrorStore OpenExistingStore() => ErrorStores.OpenExisting(Store.Location);

    /// <summary>
    /// The error source the options name: a Sentry-style backend (token from <c>HEAL_SENTRY_TOKEN</c> or
    /// <c>SENTRY_AUTH_TOKEN</c>), a JSON-lines file, else the store (no source when it does not exist yet).
    /// </summary>
    public ErrorSourceConnection OpenSource()
    {
        if (Options.Sentry is { } sentry)
        {
            var token = Options.Environment(SentryApiOptions.TokenVariable) ?? Options.Environment("SENTRY_AUTH_TOKEN");
            if (string.IsNullOrWhiteSpace(token))
            {
                throw new InvalidOperationException($"a Sentry-style source needs a token in {SentryApiOptions.TokenVariable} or SENTRY_AUTH_TOKEN");
            }

            var url = sentry.Url is null ? new Uri("https://sentry.io/") : new Uri(sentry.Url.EndsWith('/') ? sentry.Url : sentry.Url + "/", UriKind.Absolute);
            var source = new SentryApiErrorSource(new SentryApiOptions(url, sentry.Organization, sentry.Project, token));
            return new ErrorSourceConnection(source, null, source.Name);
        }

        if (Options.JsonLines is { } jsonl)
        {
            var source = new JsonLinesErrorSource(Path.GetFullPath(Path.Combine(Options.Folder, jsonl)));
            return new ErrorSourceConnection(source, null, source.Name);
        }

        if (Store.Location.Kind == StoreKind.Sqlite && !File.Exists(Store.Path))
        {
            return new ErrorSourceConnection(null, null, "(no store at " + Store.Path + ")");
        }

        var store = OpenExistingStore();
        var storeSource = new StoreErrorSource(store);
        return new ErrorSourceConnection(storeSource, store, storeSource.Name);
    }
}
