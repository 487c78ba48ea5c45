using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Heal.Testing;
using Heal.Testing.Samples;

namespace Heal.LanguageServer.Tests;

/// <summary>
/// `heal feed` and `heal lsp`, both with their defaults and started in different folders, use the same per-user store: an
/// event the feed acknowledges shows up as a diagnostic in the editor.
/// </summary>
public sealed class DefaultStoreTests
{
    [Fact]
    public async Task FeedAndLsp_BothWithDefaults_EditorShowsTheEventTheFeedReceived()
    {
        using var data = new TempDirectory("heal-xdg");
        using var elsewhere = new TempDirectory("heal-feed-cwd");
        var environment = new Dictionary<string, string> { ["XDG_DATA_HOME"] = data.Path, ["HEAL_STORE"] = "" };

        using (var feed = StartHeal(elsewhere.Path, environment, "feed", "--listen", "127.0.0.1:0"))
        {
            var dsn = await ReadDsnAsync(feed);
            await PostAsync(dsn, ShopRepository.EventJson());
            feed.Kill(entireProcessTree: true);
            await feed.WaitForExitAsync();
        }

        Assert.True(File.Exists(Path.Combine(data.Path, "heal", "heal.db")), "the feed did not write the per-user store");
        await using var world = await LspWorld.CreateWithOptionsAsync(_ => new JsonObject(), environment: environment);
        var diagnostics = await world.Client.DiagnosticsAsync(world.ThrowingUri, d => d.Count > 0);
        Assert.StartsWith("NullReferenceException:", (string)Assert.Single(diagnostics)!["message"]!, StringComparison.Ordinal);
    }

    private static Process StartHeal(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "heal.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    private static async Task<Uri> ReadDsnAsync(Process feed)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await feed.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("dsn ", StringComparison.Ordinal))
            {
                return new Uri(line[4..]);
            }
        }

        throw new InvalidOperationException("heal feed printed no dsn: " + await feed.StandardError.ReadToEndAsync());
    }

    /// <summary>Posts one event to the legacy store endpoint the DSN names, with the DSN's key, as an SDK does.</summary>
    private static async Task PostAsync(Uri dsn, string eventJson)
    {
        using var http = new HttpClient();
        var project = dsn.AbsolutePath.Trim('/');
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"http://{dsn.Host}:{dsn.Port}/api/{project}/store/"))
        {
            Content = new StringContent(eventJson, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("X-Sentry-Auth", $"Sentry sentry_version=7, sentry_key={dsn.UserInfo}");
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
