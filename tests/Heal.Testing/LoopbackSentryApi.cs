using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Heal.Testing;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, port 0) standing in for a Sentry backend: it answers each request from a
/// script of Sentry's documented response shapes (the fixtures under <c>Sources/Fixtures</c> in the output folder) and
/// records what it received, so tests can check the wire traffic. Shared by the feed's importer tests and the language server's.
/// </summary>
public sealed class LoopbackSentryApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Func<RecordedRequest, ScriptedResponse> _script;
    private TaskCompletionSource<RecordedRequest> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LoopbackSentryApi(WebApplication app, Func<RecordedRequest, ScriptedResponse> script)
    {
        _app = app;
        _script = script;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Completes when the next request arrives.</summary>
    public Task<RecordedRequest> NextRequest() => _next.Task;

    public static async Task<LoopbackSentryApi> StartAsync(Func<RecordedRequest, ScriptedResponse> script)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var api = new LoopbackSentryApi(app, script);
        app.Run(api.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        api.BaseUrl = new Uri(address + "/");
        return api;
    }

    /// <summary>A script that answers by path: each path's responses in turn, the last one repeated; 404 for unknown paths.</summary>
    public static Func<RecordedRequest, ScriptedResponse> ByPath(params (string Path, ScriptedResponse Response)[] responses)
    {
        var queues = responses.GroupBy(r => r.Path).ToDictionary(g => g.Key, g => new Queue<ScriptedResponse>(g.Select(r => r.Response)));
        return request =>
        {
            lock (queues)
            {
                if (!queues.TryGetValue(request.Path, out var queue))
                {
                    return ScriptedResponse.WithStatus(404, """{"detail":"The requested resource does not exist"}""");
                }

                return queue.Count > 1 ? queue.Dequeue() : queue.Peek();
            }
        };
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = await RecordedRequest.ReadAsync(context);
        _requests.Enqueue(request);
        var response = _script(request);
        Interlocked.Exchange(ref _next, new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(request);
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(response.Body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
