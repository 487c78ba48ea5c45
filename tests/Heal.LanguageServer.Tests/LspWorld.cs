using System.Text;
using System.Text.Json.Nodes;
using Heal.Core.Grouping;
using Heal.Core.Model;
using Heal.Feed.Store;
using Heal.Testing;
using Heal.Testing.Samples;

namespace Heal.LanguageServer.Tests;

/// <summary>
/// The shop repository in a real git checkout, a real feed store holding its crash, and the real <c>heal lsp</c>
/// initialised on both. <see cref="ThrowingUri"/> is the file the crash links to.
/// </summary>
public sealed class LspWorld : IAsyncDisposable
{
    private readonly TempDirectory _storeDirectory = new("heal-lsp-store");

    private LspWorld(GitRepository repository, IReadOnlyDictionary<string, string>? environment = null)
    {
        Repository = repository;
        StorePath = _storeDirectory.Combine("heal.db");
        Client = LspClient.Start(repository.Path, environment);
    }

    /// <summary>A folder beside the store for other sources' files (a JSON-lines file, say).</summary>
    public string Scratch(string name) => _storeDirectory.Combine(name);

    public GitRepository Repository { get; }

    public string StorePath { get; }

    public LspClient Client { get; }

    public JsonObject Initialize { get; private set; } = null!;

    public string ThrowingUri => new Uri(Path.Combine(Repository.Path, ShopRepository.ThrowingFile)).AbsoluteUri;

    public string ThrowingText => File.ReadAllText(Path.Combine(Repository.Path, ShopRepository.ThrowingFile));

    /// <summary>Stores <paramref name="eventJsons"/> (the shop crash by default), starts the server and initialises it.</summary>
    public static async Task<LspWorld> CreateAsync(JsonObject? capabilities = null, params string[] eventJsons)
    {
        var world = new LspWorld(GitRepository.Create(ShopRepository.Fixture));
        await world.AppendAsync(eventJsons.Length == 0 ? [ShopRepository.EventJson()] : eventJsons);
        world.Initialize = await world.Client.InitializeAsync(world.Repository.Path, world.StorePath, capabilities);
        return world;
    }

    /// <summary>
    /// Stores <paramref name="eventJsons"/>, starts the server, and opens the throwing file between initialize and
    /// initialized, so it is open before the first load begins (an editor restoring its tabs).
    /// </summary>
    public static async Task<LspWorld> CreateWithThrowingFileOpenAsync(params string[] eventJsons)
    {
        var world = new LspWorld(GitRepository.Create(ShopRepository.Fixture));
        await world.AppendAsync(eventJsons);
        world.Initialize = await world.Client.InitializeAsync(world.Repository.Path, new JsonObject { ["store"] = world.StorePath },
            beforeInitialized: () => world.OpenAsync(world.ThrowingUri, world.ThrowingText));
        return world;
    }

    /// <summary>
    /// Starts the server without filling the store and initialises it with the options <paramref name="options"/> builds
    /// (after <paramref name="prepare"/> wrote what they name), in the given environment.
    /// </summary>
    public static async Task<LspWorld> CreateWithOptionsAsync(Func<LspWorld, JsonObject> options, Action<LspWorld>? prepare = null,
        IReadOnlyDictionary<string, string>? environment = null, JsonObject? capabilities = null)
    {
        var world = new LspWorld(GitRepository.Create(ShopRepository.Fixture), environment);
        prepare?.Invoke(world);
        world.Initialize = await world.Client.InitializeAsync(world.Repository.Path, options(world), capabilities);
        return world;
    }

    /// <summary>Appends events through the feed's store API, grouped the way the receiver groups them.</summary>
    public async Task AppendAsync(params string[] eventJsons)
    {
        await using var store = SqliteErrorStore.Open(StorePath);
        var batch = eventJsons.Select(json =>
        {
            var errorEvent = ErrorEvent.FromSentryJson(json).Value!;
            var fingerprint = Fingerprint.Compute(errorEvent);
            var culprit = errorEvent.Culprit;
            return new NewEvent(errorEvent.Id, fingerprint.GroupId, fingerprint.Hash, fingerprint.Basis, culprit?.Type ?? "message",
                culprit?.Value ?? errorEvent.Message, errorEvent.Timestamp, DateTimeOffset.UtcNow, errorEvent.Release,
                culprit?.ThrowingFrame, Encoding.UTF8.GetBytes(json), []);
        }).ToList();
        await store.AppendAsync(batch, CancellationToken.None);
    }

    public Task OpenAsync(string uri, string text) =>
        Client.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = text },
        });

    public static JsonObject At(string uri, int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
    };

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        Repository.Dispose();
        _storeDirectory.Dispose();
    }
}
