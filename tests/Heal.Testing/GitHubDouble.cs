using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Heal.Testing;

/// <summary>
/// A loopback stand-in for GitHub's REST and GraphQL APIs (Enterprise layout: <c>/api/v3/…</c>, <c>/api/graphql</c>)
/// on a real Kestrel socket. It answers with GitHub's documented response shapes and records every request.
/// No GitHub server can run here; this speaks its wire protocol.
/// </summary>
public sealed class GitHubDouble : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _nextNumber = 41;

    private GitHubDouble(WebApplication app)
    {
        _app = app;
    }

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>When set, "create a pull request" answers with this status and GitHub's error body (e.g. 422 Validation Failed).</summary>
    public int? FailPullRequestsWith { get; set; }

    public static async Task<GitHubDouble> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http1));
        var app = builder.Build();
        var double_ = new GitHubDouble(app);
        app.Run(double_.HandleAsync);
        await app.StartAsync();
        var address = app.Urls.First();
        double_.Url = new Uri(address.EndsWith('/') ? address : address + "/");
        return double_;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = await RecordedRequest.ReadAsync(context);
        _requests.Enqueue(request);
        var body = request.Body;
        var path = request.Path;
        var segments = path.Trim('/').Split('/');
        context.Response.ContentType = "application/json";
        if (context.Request.Method == "POST" && segments is ["api", "v3", "repos", _, _, "pulls"] && FailPullRequestsWith is { } status)
        {
            context.Response.StatusCode = status;
            await context.Response.WriteAsync("""{"message":"Validation Failed","errors":[{"resource":"PullRequest","code":"custom","message":"A pull request already exists."}],"documentation_url":"https://docs.github.com/rest/pulls/pulls#create-a-pull-request","status":"422"}""");
        }
        else if (context.Request.Method == "POST" && segments is ["api", "v3", "repos", var owner, var repo, "pulls"])
        {
            var number = Interlocked.Increment(ref _nextNumber);
            context.Response.StatusCode = 201;
            await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["id"] = 1000 + number,
                ["node_id"] = $"PR_kwDO{number}",
                ["number"] = number,
                ["state"] = "open",
                ["title"] = body?.GetProperty("title").GetString(),
                ["body"] = body?.GetProperty("body").GetString(),
                ["html_url"] = $"{Url}{owner}/{repo}/pull/{number}",
                ["url"] = $"{Url}api/v3/repos/{owner}/{repo}/pulls/{number}",
                ["head"] = new { @ref = body?.GetProperty("head").GetString(), sha = "0000000000000000000000000000000000000000" },
                ["base"] = new { @ref = body?.GetProperty("base").GetString(), sha = "0000000000000000000000000000000000000000" },
                ["user"] = new { login = "heal-bot", id = 1 },
                ["draft"] = false,
                ["merged"] = false,
                ["created_at"] = "2026-11-28T00:00:00Z",
                ["updated_at"] = "2026-11-28T00:00:00Z",
            }));
        }
        else if (context.Request.Method == "POST" && segments is ["api", "v3", "repos", _, _, "issues", _, "labels"])
        {
            var labels = body?.ValueKind == JsonValueKind.Array ? body.Value.EnumerateArray().Select(l => l.GetString()).ToList()
                : body?.TryGetProperty("labels", out var l) == true ? l.EnumerateArray().Select(x => x.GetString()).ToList() : [];
            await context.Response.WriteAsync(JsonSerializer.Serialize(labels.Select((name, i) => new { id = i + 1, node_id = $"LA_{i}", name, color = "ededed", @default = false })));
        }
        else if (context.Request.Method == "POST" && path == "/api/graphql")
        {
            await context.Response.WriteAsync("""{"data":{"enablePullRequestAutoMerge":{"pullRequest":{"number":42}}}}""");
        }
        else
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("""{"message":"Not Found","documentation_url":"https://docs.github.com/rest"}""");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
