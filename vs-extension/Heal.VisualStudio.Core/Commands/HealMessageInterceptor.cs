using System;
using System.Linq;
using System.Threading.Tasks;
using Heal.VisualStudio.Core.Protocol;
using Newtonsoft.Json.Linq;

namespace Heal.VisualStudio.Core.Commands;

/// <summary>
/// What the Visual Studio middle layer does with the messages between Visual Studio's language client and the server:
/// the heal.* commands of code actions go to the extension's own UI (as VS Code's extension registers them itself)
/// instead of the server's generic <c>workspace/executeCommand</c>; <c>$/progress</c> is routed to the heal run that
/// owns the token; a <c>publishDiagnostics</c> is the cue to refresh the Production Errors tree. Everything else passes.
/// </summary>
public sealed class HealMessageInterceptor(HealProgressRouter progress, Func<HealCommand, Task> onCommand, Action<DiagnosticsNotice> onDiagnostics)
{
    /// <summary>The last command started, so a caller (or a test) can await the background work.</summary>
    public Task LastCommand { get; private set; } = Task.CompletedTask;

    public bool CanHandle(string method) =>
        method is HealMethods.ExecuteCommand or HealMethods.PublishDiagnostics or HealMethods.Progress;

    public async Task<JToken?> HandleRequestAsync(string method, JToken? parameters, Func<JToken?, Task<JToken?>> sendRequest)
    {
        if (method == HealMethods.ExecuteCommand && HealCommand.TryParse(parameters, out var command))
        {
            // Answered at once: a heal run takes a build and a test run, and the light bulb must not wait for it.
            LastCommand = Task.Run(() => onCommand(command));
            return null;
        }

        return await sendRequest(parameters).ConfigureAwait(false);
    }

    public async Task HandleNotificationAsync(string method, JToken? parameters, Func<JToken?, Task> sendNotification)
    {
        if (method == HealMethods.Progress)
        {
            progress.Route(parameters);
        }
        else if (method == HealMethods.PublishDiagnostics && parameters is JObject published)
        {
            var count = published["diagnostics"] is JArray diagnostics
                ? diagnostics.Count(d => (string?)d["source"] == HealMethods.DiagnosticSource)
                : 0;
            onDiagnostics(new DiagnosticsNotice((string?)published["uri"] ?? "", count));
        }

        await sendNotification(parameters).ConfigureAwait(false);
    }
}
