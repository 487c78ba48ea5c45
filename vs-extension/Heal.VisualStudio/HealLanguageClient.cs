using System;
using System.Collections.Generic;
using System.ComponentModel.Composition;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Heal.VisualStudio.Core.Commands;
using Heal.VisualStudio.Core.Protocol;
using Heal.VisualStudio.Core.Secrets;
using Heal.VisualStudio.Core.Server;
using Heal.VisualStudio.Core.Settings;
using Microsoft.VisualStudio.LanguageServer.Client;
using Microsoft.VisualStudio.Shell;
using Microsoft.VisualStudio.Threading;
using Microsoft.VisualStudio.Utilities;
using StreamJsonRpc;

namespace Heal.VisualStudio;

/// <summary>
/// The one language client: starts the bundled <c>heal lsp</c> for C# files (or the Server path setting, or heal on
/// PATH), with the tokens from the Windows credential store in its environment only; sends VS Code's initialization
/// options; restarts the server when it dies (the core's <see cref="RestartPolicy"/>). Diagnostics, hover, code lenses
/// and light-bulb actions are Visual Studio's own LSP features over the server; the heal.* commands of the light bulb come
/// back through <see cref="HealMiddleLayer"/> to <see cref="HealController"/>.
/// </summary>
[Export(typeof(ILanguageClient))]
[ContentType("CSharp")]
public sealed class HealLanguageClient : ILanguageClient, ILanguageClientCustomMessage2
{
    private readonly HealProgressRouter _progress = new();
    private readonly ServerSupervisor _supervisor;
    private readonly HealMessageInterceptor _interceptor;
    private readonly VisualStudioUserInterface _ui;
    private HealSettings _settings = HealSettings.Default;
    private ISecretStore _secrets = new WindowsCredentialStore();
    private HealRequests? _requests;

    public HealLanguageClient()
    {
        _supervisor = new ServerSupervisor(RestartPolicy.Default, OutputLog.Write, () => DateTimeOffset.UtcNow);
        _supervisor.Exited += OnServerExited;
        _ui = new VisualStudioUserInterface(() => _requests);
        Controller = new HealController(() => _requests, _ui, () => _settings, DocumentText.Read);
        _ui.Controller = Controller;
        _interceptor = new HealMessageInterceptor(_progress, command => Controller.RunAsync(command, CancellationToken.None), _ui.OnDiagnostics);
        MiddleLayer = new HealMiddleLayer(_interceptor);
    }

    public event AsyncEventHandler<EventArgs>? StartAsync;

    public event AsyncEventHandler<EventArgs>? StopAsync;

    public HealController Controller { get; }

    public string Name => "Heal";

    public IEnumerable<string>? ConfigurationSections => null;

    public object InitializationOptions => Core.Settings.InitializationOptions.Build(_settings);

    public IEnumerable<string>? FilesToWatch => null;

    public bool ShowNotificationOnInitializeFailed => true;

    public object MiddleLayer { get; }

    public object? CustomMessageTarget => null;

    public async Task<Connection?> ActivateAsync(CancellationToken token)
    {
        if (await HealPackage.LoadAsync() is { } package)
        {
            _settings = package.Options.ToSettings();
            _secrets = package.Options.Secrets;
            package.Options.Applied -= OnSettingsApplied;
            package.Options.Applied += OnSettingsApplied;
        }

        var extensionDirectory = Path.GetDirectoryName(typeof(HealLanguageClient).Assembly.Location)!;
        var (launch, problem) = ServerLocator.Locate(extensionDirectory, _settings, await SolutionFolder.FindAsync(),
            Environment.GetEnvironmentVariable("PATH"), isWindows: true, File.Exists);
        if (launch is null)
        {
            throw new InvalidOperationException(problem);
        }

        var process = _supervisor.Start(launch.WithEnvironment(SecretEnvironment.From(_secrets)));
        return new Connection(process.Output, process.Input);
    }

    public async Task OnLoadedAsync()
    {
        if (StartAsync is { } start)
        {
            await start.InvokeAsync(this, EventArgs.Empty);
        }
    }

    public async Task OnServerInitializedAsync()
    {
        OutputLog.Write("Heal language server initialized.");
        await _ui.RefreshErrorsAsync();
    }

    public Task<InitializationFailureContext?> OnServerInitializeFailedAsync(ILanguageClientInitializationInfo initializationState)
    {
        var message = $"Heal language server failed to initialize: {initializationState.StatusMessage} {initializationState.InitializationException?.Message}".Trim();
        OutputLog.Write(message);
        return Task.FromResult<InitializationFailureContext?>(new InitializationFailureContext { FailureMessage = message });
    }

    public Task AttachForCustomMessageAsync(JsonRpc rpc)
    {
        _requests = new HealRequests(new JsonRpcHealRpc(rpc), _progress);
        return Task.CompletedTask;
    }

    /// <summary>Stops the server and starts it again with the settings now in force.</summary>
    public async Task RestartAsync()
    {
        _requests = null;
        if (StopAsync is { } stop)
        {
            await stop.InvokeAsync(this, EventArgs.Empty);
        }

        _supervisor.Stop();
        if (StartAsync is { } start)
        {
            await start.InvokeAsync(this, EventArgs.Empty);
        }
    }

    private void OnSettingsApplied(HealSettings settings)
    {
        if (settings != _settings)
        {
            _settings = settings;
            BackgroundWork.Run(RestartAsync, "restart");
        }
    }

    private void OnServerExited(ServerExit exit)
    {
        _requests = null;
        if (exit.WillRestart && StartAsync is { } start)
        {
            BackgroundWork.Run(() => start.InvokeAsync(this, EventArgs.Empty), "restart-after-exit");
        }
        else if (!exit.Expected)
        {
            _ui.ShowMessage(exit.Message, MessageKind.Error);
        }
    }
}
