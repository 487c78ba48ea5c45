using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Heal.Testing;

namespace Heal.Repair.Tests.Llm;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (port 0) that records every request and answers with whatever
/// <see cref="Respond"/> writes: the tests give it bodies in the providers' real wire formats.
/// </summary>
public sealed class LoopbackLlmServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly TaskCompletionSource _requestArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LoopbackLlmServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>Writes the reply to a recorded request.</summary>
    public Func<RecordedRequest, HttpResponse, Task> Respond { get; set; } = (_, response) =>
    {
        response.StatusCode = 500;
        return Task.CompletedTask;
    };

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    /// <summary>Completes when the first request has been recorded (before it is answered).</summary>
    public Task RequestArrived => _requestArrived.Task;

    public static async Task<LoopbackLlmServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackLlmServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseAddress = new Uri(address);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var recorded = await RecordedRequest.ReadAsync(context);
        _requests.Enqueue(recorded);
        _requestArrived.TrySetResult();
        await Respond(recorded, context.Response);
    }
}
