using Heal.Feed.Receiver;
using Heal.Feed.Store;
using Heal.Feed.Tests.Fixtures;
using static Heal.Feed.Tests.Fixtures.SentryPayloads;

namespace Heal.Feed.Tests.Security;

/// <summary>
/// Issue 11, item 4: a feed started without <c>--key</c> accepted events from anyone. Now the real <c>heal feed</c> generates
/// a key, keeps it beside its store (owner-only), prints it in the DSN and refuses events without it; <c>--no-key</c> is
/// the explicit opt-out, and its events never count as authenticated.
/// </summary>
public sealed class KeylessFeedAttackTests
{
    [Fact]
    public async Task Feed_StartedWithoutKey_RefusesEventsWithoutThePrintedKey()
    {
        using var folder = new TempFolder();
        var store = folder.File("feed.db");
        using var feed = await HealProcess.StartFeedAsync(store);
        var key = new Uri(feed.Dsn).UserInfo;
        Assert.Matches("^[0-9a-f]{32}$", key);

        using var anonymous = new HttpClient { BaseAddress = feed.Address };
        var id = NewId();
        using (var refused = await anonymous.PostAsync("/api/1/envelope/", new ByteArrayContent(Envelope(DotNetEvent(id), id))))
        {
            Assert.Equal(401, (int)refused.StatusCode);
            Assert.Contains("no sentry_key", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var sdk = feed.CreateClient();
        using (var accepted = await sdk.PostAsync("/api/1/envelope/", new ByteArrayContent(Envelope(DotNetEvent(id), id))))
        {
            Assert.Equal(200, (int)accepted.StatusCode);
        }

        var (exit, stderr) = await feed.TerminateAsync();
        Assert.True(exit == 0, stderr);
        Assert.Contains($"generated and kept in {FeedKey.PathFor(store)}", stderr, StringComparison.Ordinal);
        Assert.Equal(key, File.ReadAllText(FeedKey.PathFor(store)).Trim());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(FeedKey.PathFor(store)));
        }

        await using var stored = SqliteErrorStore.OpenExisting(store);
        var group = Assert.Single(await stored.ListGroupsAsync(10, CancellationToken.None));
        Assert.True((await stored.GetLatestStoredEventAsync(group.Id, CancellationToken.None))!.Authenticated);
    }

    [Fact]
    public async Task Feed_PrintDsnBesideARunningFeed_PrintsTheDsnThatFeedAccepts()
    {
        using var folder = new TempFolder();
        var store = folder.File("feed.db");
        using var feed = await HealProcess.StartFeedAsync(store);
        var stdout = new StringWriter();
        var exit = await Heal.Cli.CommandLine.RunAsync(["feed", "--store", store, "--listen", feed.Address.Authority, "--print-dsn"], stdout, new StringWriter(), CancellationToken.None);
        Assert.Equal(0, exit);
        Assert.Equal(feed.Dsn, stdout.ToString().Trim());
    }

    [Fact]
    public async Task Feed_OnPostgresWithoutKey_IsAUsageErrorNotAGeneratedKeyPerInstance()
    {
        var stderr = new StringWriter();
        var exit = await Heal.Cli.CommandLine.RunAsync(["feed", "--store", "Host=127.0.0.1;Port=1;Username=heal;Database=heal;Timeout=1", "--listen", "127.0.0.1:0"], new StringWriter(), stderr, CancellationToken.None);
        Assert.Equal(2, exit);
        Assert.Contains("needs --key", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feed_NoKey_AcceptsAnyoneAndNothingCountsAsAuthenticated()
    {
        using var folder = new TempFolder();
        var store = folder.File("feed.db");
        using var feed = await HealProcess.StartFeedAsync(store, "--no-key");
        using var anonymous = new HttpClient { BaseAddress = feed.Address };
        var id = NewId();
        using (var answer = await anonymous.PostAsync("/api/1/envelope/", new ByteArrayContent(Envelope(DotNetEvent(id), id))))
        {
            Assert.Equal(200, (int)answer.StatusCode);
        }

        var (exit, stderr) = await feed.TerminateAsync();
        Assert.True(exit == 0, stderr);
        Assert.Contains("--no-key", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(FeedKey.PathFor(store)));
        await using var stored = SqliteErrorStore.OpenExisting(store);
        var group = Assert.Single(await stored.ListGroupsAsync(10, CancellationToken.None));
        Assert.False((await stored.GetLatestStoredEventAsync(group.Id, CancellationToken.None))!.Authenticated);
    }

    [Fact]
    public void LoadOrCreate_KeyFileWithoutAKey_IsAClearError()
    {
        using var folder = new TempFolder();
        var store = folder.File("feed.db");
        File.WriteAllText(FeedKey.PathFor(store), "x\n");
        var error = Assert.Throws<IOException>(() => FeedKey.LoadOrCreate(store));
        Assert.Contains("delete it to have a new key generated", error.Message, StringComparison.Ordinal);
    }
}
