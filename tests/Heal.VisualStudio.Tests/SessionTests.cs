using Heal.Testing;
using Heal.VisualStudio.Core.Commands;
using Heal.VisualStudio.Core.Errors;
using Heal.VisualStudio.Core.Review;
using Heal.VisualStudio.Core.Secrets;
using Heal.VisualStudio.Core.Server;
using Heal.VisualStudio.Core.Settings;
using Newtonsoft.Json.Linq;

namespace Heal.VisualStudio.Tests;

/// <summary>
/// The core end to end against the real <c>heal lsp</c> over stdio, on a crash the real Sentry .NET SDK reported through
/// the real <c>heal feed</c>: what Visual Studio shows and does, minus Visual Studio's own windows.
/// </summary>
[Collection(DemoCrashCollection.Name)]
public sealed class SessionTests(DemoCrash crash)
{
    private const string ThrowingText = "subtotal * customer.Discount.Rate;";

    [Fact]
    public async Task Start_StoreAndCodeHostSettings_SendsVsCodesOptionsAndFlagsTheThrowingLine()
    {
        var repository = crash.NewRepository();
        var settings = new HealSettings { Store = crash.StorePath, CodeHostRepository = "acme/orders" };
        await using var host = await VsHost.StartAsync(repository, settings);

        var capabilities = (await host.Connected)["capabilities"]!;
        Assert.Contains("heal.heal", capabilities["executeCommandProvider"]!["commands"]!.Values<string>());
        Assert.Equal(
            $$$"""{"store":"{{{crash.StorePath}}}","llm":{"provider":"offline"},"codeHost":{"url":"https://api.github.com","repository":"acme/orders"}}""",
            Assert.Single(host.SentInitializationOptions).ToString(Newtonsoft.Json.Formatting.None));

        var path = Path.Combine(repository, DemoCrash.ThrowingFile);
        await host.OpenAsync(path);
        var diagnostics = await host.DiagnosticsAsync(path, d => d.Any(IsThrowing(path)));
        var diagnostic = diagnostics.First(IsThrowing(path));
        Assert.Contains("NullReferenceException", (string?)diagnostic["message"], StringComparison.Ordinal);
        Assert.Contains(host.Notices, n => n.Uri == new Uri(path).AbsoluteUri && n.HealDiagnostics > 0);
    }

    [Fact]
    public async Task ListErrors_CapturedCrash_TreeHasTheGroupThenFramesThenTheThrowingLine()
    {
        var repository = crash.NewRepository();
        await using var host = await VsHost.StartAsync(repository, new HealSettings { Store = crash.StorePath });

        var result = await host.Requests.ListErrorsAsync(CancellationToken.None);
        var tree = ErrorTree.Build(result, repository);

        var group = Assert.Single(tree);
        Assert.StartsWith("NullReferenceException: ", group.Label, StringComparison.Ordinal);
        Assert.StartsWith("1 event", group.Description, StringComparison.Ordinal);
        var throwing = group.Frames.First(f => f.CanOpen);
        var path = Path.Combine(repository, DemoCrash.ThrowingFile);
        Assert.Equal(path, throwing.FilePath);
        Assert.Equal(LineOf(path, ThrowingText), throwing.Line);
        Assert.Equal($"{DemoCrash.ThrowingFile}:{throwing.Line + 1}", throwing.Description.Replace('\\', '/'));
        Assert.Equal("Heal: 1 production error", ErrorTree.StatusText(ErrorTree.OpenCount(result)));
    }

    [Fact]
    public async Task HealThisError_LightBulbThenAccept_WritesExactlyTheReportedPatchAndTheRegressionTest()
    {
        var repository = crash.NewRepository();
        using var temp = new TempDirectory("heal-vs-tmp");
        await using var host = await VsHost.StartAsync(repository, new HealSettings { Store = crash.StorePath }, tempRoot: temp.Path);
        var path = Path.Combine(repository, DemoCrash.ThrowingFile);
        await host.OpenAsync(path);
        var diagnostic = (JObject)(await host.DiagnosticsAsync(path, d => d.Any(IsThrowing(path)))).First(IsThrowing(path));
        var before = ChildProcess.Git(repository, "status", "--porcelain");

        var actions = await host.CodeActionsAsync(path, diagnostic);
        Assert.Equal(["Heal this error", "Show error details", "Mute this error"], actions.Select(a => (string)a["title"]!).ToArray());
        Assert.Null(await host.ExecuteAsync((JObject)actions[0]["command"]!));
        await host.Interceptor.LastCommand;

        var review = host.Ui.Review ?? throw new Xunit.Sdk.XunitException("no review; messages: " + string.Join(" | ", host.Ui.Messages));
        Assert.True(review.IsValidated, review.Headline);
        Assert.Contains(host.Ui.Progress, p => p != "(end)" && p != "Heal: diagnosing and validating…");
        Assert.Contains(review.Rows, r => r.Gate == "build" && r.Mark == "✔");
        Assert.Contains(review.Rows, r => r.Gate == "reproduction" && r.Status == "passed");
        Assert.StartsWith("Heal: patch validated · confidence ", review.Headline, StringComparison.Ordinal);
        Assert.EndsWith("Apply it with its regression test?", review.Headline, StringComparison.Ordinal);
        Assert.True(review.CanOpenPullRequest);
        Assert.Equal([true, false], review.Files.Select(f => f.IsNew).ToArray());
        Assert.Equal(before, ChildProcess.Git(repository, "status", "--porcelain"));

        var application = review.Accept(p => File.Exists(p) ? File.ReadAllText(p) : null);
        Assert.Null(application.Problem);
        foreach (var change in application.Changes)
        {
            File.WriteAllText(change.Path, change.Apply(File.ReadAllText(change.Path)));
        }

        foreach (var file in application.NewFiles)
        {
            File.WriteAllText(file.Path, file.Text);
        }

        Assert.Equal(Normalize(review.Result.Patch!), Normalize(ChildProcess.Git(repository, "diff")));
        var test = review.Result.RegressionTest!;
        Assert.Equal(test.Text, File.ReadAllText(Path.Combine(repository, test.Path)));
        Assert.Equal($"?? {test.Path}", ChildProcess.Git(repository, "status", "--porcelain", "--untracked-files=all").Split('\n').Single(l => l.StartsWith("??", StringComparison.Ordinal)));
        Assert.Equal(ReviewState.Accepted, review.State);
        Assert.NotNull(review.Accept(p => File.Exists(p) ? File.ReadAllText(p) : null).Problem);
    }

    [Fact]
    public async Task OpenPullRequest_TokenInTheSecretStore_PushesTheBranchAndOpensThePrWithTheTokenFromTheEnvironmentOnly()
    {
        const string token = "ghp_vsExtensionTestToken0123456789";
        var repository = crash.NewRepository();
        using var temp = new TempDirectory("heal-vs-tmp");
        await using var github = await GitHubDouble.StartAsync();
        var secrets = new MemorySecretStore();
        secrets.Write(SecretKind.GitHubToken, token);
        var settings = new HealSettings { Store = crash.StorePath, CodeHostUrl = github.Url.AbsoluteUri, CodeHostRepository = "acme/orders" };
        await using var host = await VsHost.StartAsync(repository, settings, secrets, tempRoot: temp.Path);
        var groupId = (await host.Requests.ListErrorsAsync(CancellationToken.None)).Errors.Single().GroupId;
        var before = ChildProcess.Git(repository, "status", "--porcelain");

        var outcome = await host.Controller.OpenPullRequestAsync(groupId, null, CancellationToken.None);

        Assert.True(outcome.Opened, outcome.Reason);
        Assert.StartsWith("heal/", outcome.Branch, StringComparison.Ordinal);
        var origin = Path.Combine(Path.GetDirectoryName(repository)!, "origin.git");
        Assert.Contains(outcome.Branch!, ChildProcess.Git(origin, "branch", "--list"), StringComparison.Ordinal);
        var pull = Assert.Single(github.Requests, r => r.Method == "POST" && r.Path == "/api/v3/repos/acme/orders/pulls");
        Assert.Contains(token, pull.Authorization, StringComparison.Ordinal);
        Assert.Equal(outcome.Url, $"{github.Url}acme/orders/pull/{outcome.Number}");
        Assert.DoesNotContain(token, host.SentInitializationOptions.Single().ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(host.Log, line => line.Contains(token, StringComparison.Ordinal));
        Assert.Equal(before, ChildProcess.Git(repository, "status", "--porcelain"));
    }

    [Fact]
    public async Task OpenPullRequest_NoRepositorySetting_NamesTheSettingWithoutAskingTheServer()
    {
        var repository = crash.NewRepository();
        await using var host = await VsHost.StartAsync(repository, new HealSettings { Store = crash.StorePath });

        var outcome = await host.Controller.OpenPullRequestAsync("0000000000000000", null, CancellationToken.None);

        Assert.False(outcome.Opened);
        Assert.Contains("Code host repository", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(host.Ui.Progress);
    }

    [Fact]
    public async Task ServerDies_KilledFromOutside_RestartedAndDiagnosticsPublishedAgain()
    {
        var repository = crash.NewRepository();
        await using var host = await VsHost.StartAsync(repository, new HealSettings { Store = crash.StorePath });
        var path = Path.Combine(repository, DemoCrash.ThrowingFile);
        await host.OpenAsync(path);
        await host.DiagnosticsAsync(path, d => d.Any(IsThrowing(path)));
        var first = host.Server!;

        System.Diagnostics.Process.GetProcessById(first.Id).Kill();
        var exit = await host.FirstExit.WaitAsync(TimeSpan.FromSeconds(90));
        await host.Connected.WaitAsync(TimeSpan.FromSeconds(90));

        Assert.False(exit.Expected);
        Assert.True(exit.WillRestart);
        Assert.NotEqual(first.Id, host.Server!.Id);
        await host.OpenAsync(path);
        await host.DiagnosticsAsync(path, d => d.Any(IsThrowing(path)));
    }

    [Fact]
    public async Task ServerDies_AgainAfterTheLastRestartAllowed_NotRestartedAndSaysSo()
    {
        var repository = crash.NewRepository();
        await using var host = await VsHost.StartAsync(repository, new HealSettings { Store = crash.StorePath }, policy: new RestartPolicy(1, TimeSpan.FromMinutes(3)));
        var server = host.Server!;

        System.Diagnostics.Process.GetProcessById(server.Id).Kill();
        var exit = await host.FirstExit.WaitAsync(TimeSpan.FromSeconds(90));

        Assert.False(exit.WillRestart);
        Assert.Contains("not restarting it", exit.Message, StringComparison.Ordinal);
        Assert.Null(host.Server);
    }

    private static Func<JToken, bool> IsThrowing(string path)
    {
        var line = LineOf(path, ThrowingText);
        return d => (int?)d["severity"] == 1 && (int?)d["range"]!["start"]!["line"] == line && (string?)d["source"] == "heal";
    }

    private static int LineOf(string path, string text) =>
        Array.FindIndex(File.ReadAllLines(path), l => l.Contains(text, StringComparison.Ordinal)) is var index and >= 0
            ? index
            : throw new InvalidOperationException($"'{text}' is not in {path}");

    /// <summary>A diff without its index lines and the function context git adds after a hunk header.</summary>
    private static string Normalize(string diff) => string.Join("\n", diff.Replace("\r\n", "\n").Split('\n')
        .Where(l => !l.StartsWith("index ", StringComparison.Ordinal))
        .Select(l => l.StartsWith("@@ ", StringComparison.Ordinal) ? l[..(l.IndexOf(" @@", 2, StringComparison.Ordinal) + 3)] : l)).Trim();
}
