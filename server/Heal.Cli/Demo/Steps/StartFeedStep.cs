using System.Net;
using System.Security.Cryptography;
using Heal.Feed.Receiver;
using Heal.Pipeline.Hosting;

namespace Heal.Cli.Demo.Steps;

/// <summary>Starts the same receiver <c>heal feed</c> runs, in this process, on a free loopback port, with a store in the workspace.</summary>
public sealed class StartFeedStep : IDemoStep
{
    public string Title => "start feed";

    public async Task<DemoStepResult> RunAsync(DemoContext context, CancellationToken cancellationToken)
    {
        context.Store = new HealHost(new HealOptions { Folder = context.Workspace, Store = context.StorePath, Environment = _ => null }).OpenStore();
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Feed = await FeedServer.StartAsync(new FeedServerOptions(IPAddress.Loopback, 0, key), context.Store, cancellationToken);
        context.Dsn = context.Feed.Dsn(key);
        return DemoStepResult.Line($"listening on http://{context.Feed.Address.Host}:{context.Feed.Address.Port}, store {context.StorePath}");
    }
}
