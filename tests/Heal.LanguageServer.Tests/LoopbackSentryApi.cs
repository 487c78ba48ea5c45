using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Heal.LanguageServer.Tests;

/// <summary>
/// A loopback Sentry Web API on a real Kestrel socket serving the feed tests' recorded responses: one page of issues
/// (4211 and 4198) and issue 4211's latest event; everything else is 404. Records the Authorization headers it saw.
/// </summary>
public sealed class LoopbackSentryApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<string> _authorizations = [];

    private LoopbackSentryApi(WebApplication app)
    {
        _app = app;
    }

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<string> Authorizations
    {
        get
        {
            lock (_authorizations)
            {
                return [.. _authorizations];
            }
        }
    }

    public static async Task<LoopbackSentryApi> StartAsync(string organization, string project)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http1));
        var app = builder.Build();
        var api = new LoopbackSentryApi(app);
        app.Run(async context =>
        {
            lock (api._authorizations)
            {
                api._authorizations.Add(context.Request.Headers.Authorization.ToString());
            }

            var path = context.Request.Path.Value;
            var fixture = path == $"/api/0/projects/{organization}/{project}/issues/" ? "issues-page1.json"
                : path == "/api/0/issues/4211/events/latest/" ? "latest-event-4211.json"
                : null;
            context.Response.ContentType = "application/json";
            if (fixture is null)
            {
                context.Response.StatusCode = 404;
                await context.Response.WriteAsync("""{"detail":"The requested resource does not exist"}""");
                return;
            }

            await context.Response.WriteAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "SentryFixtures", fixture)));
        });
        await app.StartAsync();
        api.Url = new Uri(app.Urls.First().TrimEnd('/') + "/");
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
