using System.Net;
using System.Text.Json.Nodes;
using Heal.Feed.Receiver;
using Heal.Feed.Store;
using Heal.Testing;
using Heal.Testing.Samples;

namespace Heal.LanguageServer.Tests;

/// <summary>
/// A team's shared feed: <c>heal feed</c>'s receiver over a real PostgreSQL database, the shop's crash posted to it over
/// HTTP, and a developer's <c>heal lsp</c> following it either straight from the database (the <c>store</c> option is the
/// PostgreSQL URL) or through the feed's Sentry-style read API (the <c>sentry</c> option with the read token).
/// </summary>
public sealed class TeamFeedTests : IAsyncLifetime
{
    private const string ReadToken = "team-read-token-0123456789";

    private string _url = null!;
    private IErrorStore _store = null!;
    private FeedServer _feed = null!;

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.SharedAsync();
        _url = server.Url(await server.CreateDatabaseAsync("team"));
        _store = ErrorStores.Open(_url);
        _feed = await FeedServer.StartAsync(new FeedServerOptions(IPAddress.Loopback, 0, ReadToken: ReadToken), _store, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = _feed.Address };
        var answer = await http.PostAsync("/api/1/store/", new StringContent(ShopRepository.EventJson()));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    public async Task DisposeAsync()
    {
        await _feed.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task Initialize_StoreOptionIsThePostgresUrl_PublishesTheTeamsCrashOnTheThrowingLine()
    {
        await using var world = await LspWorld.CreateWithOptionsAsync(_ => new JsonObject { ["store"] = _url });

        var diagnostics = await world.Client.DiagnosticsAsync(world.ThrowingUri, d => d.Count == 1);

        Assert.Equal(6, (int)diagnostics[0]!["range"]!["start"]!["line"]!);
        Assert.DoesNotContain(world.Client.Notifications("window/logMessage"), m => m.ToJsonString().Contains(_url.Split('@')[0], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Initialize_SentryOptionPointsAtTheTeamFeed_PublishesTheTeamsCrashOnTheThrowingLine()
    {
        await using var world = await LspWorld.CreateWithOptionsAsync(
            _ => new JsonObject { ["sentry"] = new JsonObject { ["url"] = _feed.Address.AbsoluteUri, ["org"] = "team", ["project"] = "1" } },
            environment: new Dictionary<string, string> { ["HEAL_SENTRY_TOKEN"] = ReadToken });

        var diagnostics = await world.Client.DiagnosticsAsync(world.ThrowingUri, d => d.Count == 1);

        Assert.Equal(6, (int)diagnostics[0]!["range"]!["start"]!["line"]!);
    }
}
