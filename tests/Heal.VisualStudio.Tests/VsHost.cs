using System.Collections.Concurrent;
using Heal.VisualStudio.Core.Commands;
using Heal.VisualStudio.Core.Protocol;
using Heal.VisualStudio.Core.Secrets;
using Heal.VisualStudio.Core.Server;
using Heal.VisualStudio.Core.Settings;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace Heal.VisualStudio.Tests;

/// <summary>
/// Plays Visual Studio's part around the core, over the real <c>heal lsp</c> on stdio: what the adapter's
/// <c>HealLanguageClient</c> does (locate and start the server with the secrets in its environment, restart it when it
/// dies) and what Visual Studio's own language client does (StreamJsonRpc with Newtonsoft's formatter over
/// Content-Length framing, <c>initialize</c> with the client's <c>InitializationOptions</c>, messages through the middle
/// layer). Everything Heal-specific is the core's code.
/// </summary>
internal sealed class VsHost : IAsyncDisposable
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(90);

    private readonly ConcurrentDictionary<string, JObject> _published = new();
    private readonly SemaphoreSlim _changed = new(0);
    private readonly ServerSupervisor _supervisor;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private JsonRpc? _rpc;
    private HealRequests? _requests;
    private TaskCompletionSource<JObject> _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<ServerExit> _firstExit = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private VsHost(string root, HealSettings settings, ISecretStore secrets, IReadOnlyDictionary<string, string> environment, RestartPolicy policy)
    {
        Root = root;
        Settings = settings;
        Secrets = secrets;
        _environment = environment;
        Progress = new HealProgressRouter();
        Ui = new RecordingUserInterface();
        Controller = new HealController(() => _requests, Ui, () => Settings, path => File.Exists(path) ? File.ReadAllText(path) : null);
        Interceptor = new HealMessageInterceptor(Progress, command => Controller.RunAsync(command, CancellationToken.None), notice => Notices.Enqueue(notice));
        _supervisor = new ServerSupervisor(policy, line => Log.Enqueue(line), () => DateTimeOffset.UtcNow);
        _supervisor.Exited += OnExited;
    }

    public string Root { get; }

    public HealSettings Settings { get; }

    public ISecretStore Secrets { get; }

    public HealProgressRouter Progress { get; }

    public RecordingUserInterface Ui { get; }

    public HealController Controller { get; }

    public HealMessageInterceptor Interceptor { get; }

    public ConcurrentQueue<string> Log { get; } = new();

    public ConcurrentQueue<DiagnosticsNotice> Notices { get; } = new();

    public ConcurrentQueue<ServerExit> Exits { get; } = new();

    public ConcurrentQueue<JObject> SentInitializationOptions { get; } = new();

    /// <summary>The first server exit and what the supervisor decided.</summary>
    public Task<ServerExit> FirstExit => _firstExit.Task;

    /// <summary>The initialize result of the current server (a restart replaces it).</summary>
    public Task<JObject> Connected => _connected.Task;

    public ServerProcess? Server => _supervisor.Current;

    public HealRequests Requests => _requests ?? throw new InvalidOperationException("not connected");

    /// <summary>Starts the server the way the adapter does: the bundled build (here: the heal.dll beside the tests, as the Server path setting).</summary>
    public static async Task<VsHost> StartAsync(string root, HealSettings settings, ISecretStore? secrets = null, RestartPolicy? policy = null, string? tempRoot = null)
    {
        var environment = new Dictionary<string, string>(DemoCrash.NoBuildServers);
        if (tempRoot is not null)
        {
            environment["TMPDIR"] = tempRoot;
        }

        // The heal.dll beside the tests stands in for the bundled build, through the Server path setting.
        settings = settings.ServerPath.Length > 0 ? settings : settings with { ServerPath = DemoCrash.HealDll };
        var host = new VsHost(root, settings, secrets ?? new MemorySecretStore(), environment, policy ?? RestartPolicy.Default);
        host.Connect();
        await host.Connected.WaitAsync(s_deadline);
        return host;
    }

    /// <summary>What ActivateAsync then Visual Studio's initialize do; also what a restart does.</summary>
    private void Connect()
    {
        var (launch, problem) = ServerLocator.Locate(AppContext.BaseDirectory, Settings, Root, Environment.GetEnvironmentVariable("PATH"), OperatingSystem.IsWindows(), File.Exists);
        if (launch is null)
        {
            _connected.TrySetException(new InvalidOperationException(problem));
            return;
        }

        if (launch.Program == "dotnet")
        {
            launch = launch with { Program = ChildProcess.Dotnet() };
        }

        var process = _supervisor.Start(launch.WithEnvironment(_environment).WithEnvironment(SecretEnvironment.From(Secrets)));
        var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(process.Input, process.Output, new JsonMessageFormatter()));
        rpc.AddLocalRpcTarget(new ClientMethods(this), new JsonRpcTargetOptions { MethodNameTransform = null });
        rpc.StartListening();
        _rpc = rpc;
        _ = InitializeAsync(rpc);
    }

    private async Task InitializeAsync(JsonRpc rpc)
    {
        try
        {
            var options = InitializationOptions.Build(Settings);
            SentInitializationOptions.Enqueue(options);
            var result = await rpc.InvokeWithParameterObjectAsync<JObject>("initialize", new JObject
            {
                ["processId"] = Environment.ProcessId,
                ["rootUri"] = new Uri(Root).AbsoluteUri,
                ["workspaceFolders"] = new JArray(new JObject { ["uri"] = new Uri(Root).AbsoluteUri, ["name"] = Path.GetFileName(Root) }),
                ["capabilities"] = new JObject
                {
                    ["window"] = new JObject { ["workDoneProgress"] = true },
                    ["textDocument"] = new JObject { ["publishDiagnostics"] = new JObject { ["relatedInformation"] = true } },
                },
                ["initializationOptions"] = options,
            });
            await rpc.NotifyWithParameterObjectAsync("initialized", new JObject());
            _requests = new HealRequests(new JsonRpcHealRpc(rpc), Progress);
            _connected.TrySetResult(result);
        }
        catch (Exception e)
        {
            _connected.TrySetException(e);
        }
    }

    private void OnExited(ServerExit exit)
    {
        Exits.Enqueue(exit);
        if (exit.WillRestart)
        {
            // The adapter raises StartAsync; Visual Studio calls ActivateAsync and initializes again.
            _requests = null;
            _published.Clear();
            _connected = new TaskCompletionSource<JObject>(TaskCreationOptions.RunContinuationsAsynchronously);
            Connect();
        }

        _firstExit.TrySetResult(exit);
        _changed.Release();
    }

    public Task OpenAsync(string path) =>
        _rpc!.NotifyWithParameterObjectAsync("textDocument/didOpen", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = new Uri(path).AbsoluteUri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = File.ReadAllText(path) },
        });

    /// <summary>The diagnostics of a document, once a publish satisfying <paramref name="match"/> arrived.</summary>
    public async Task<JArray> DiagnosticsAsync(string path, Func<JArray, bool> match)
    {
        var uri = new Uri(path).AbsoluteUri;
        using var deadline = new CancellationTokenSource(s_deadline);
        while (true)
        {
            if (_published.TryGetValue(uri, out var published) && published["diagnostics"] is JArray diagnostics && match(diagnostics))
            {
                return diagnostics;
            }

            try
            {
                await _changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no matching diagnostics for {uri}; published: {string.Join(", ", _published.Keys)}; log: {string.Join("\n", Log)}");
            }
        }
    }

    /// <summary>The light bulb: the server's code actions for a diagnostic.</summary>
    public async Task<JArray> CodeActionsAsync(string path, JObject diagnostic) =>
        await _rpc!.InvokeWithParameterObjectAsync<JArray>("textDocument/codeAction", new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = new Uri(path).AbsoluteUri },
            ["range"] = diagnostic["range"],
            ["context"] = new JObject { ["diagnostics"] = new JArray(diagnostic) },
        });

    /// <summary>Picking a code action: Visual Studio sends its command as workspace/executeCommand, through the middle layer.</summary>
    public async Task<JToken?> ExecuteAsync(JObject command)
    {
        var parameters = new JObject { ["command"] = command["command"], ["arguments"] = command["arguments"] };
        var rpc = _rpc!;
        return await Interceptor.HandleRequestAsync(HealMethods.ExecuteCommand, parameters,
            p => rpc.InvokeWithParameterObjectAsync<JToken?>(HealMethods.ExecuteCommand, p));
    }

    /// <summary>Shuts the server down as Visual Studio does on close: shutdown, exit, then the process ends.</summary>
    public async ValueTask DisposeAsync()
    {
        _supervisor.Exited -= OnExited;
        if (_rpc is { } rpc && _supervisor.Current is { } process)
        {
            try
            {
                await rpc.InvokeWithParameterObjectAsync<JToken>("shutdown").WaitAsync(TimeSpan.FromSeconds(10));
                await rpc.NotifyAsync("exit");
                await process.Exited.WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception e) when (e is ConnectionLostException or TimeoutException or ObjectDisposedException or RemoteRpcException)
            {
                // Ending it below.
            }
        }

        _supervisor.Dispose();
        _rpc?.Dispose();
    }

    /// <summary>The client side of the protocol: what the server sends, handed to the middle layer, then recorded.</summary>
    private sealed class ClientMethods(VsHost host)
    {
        [JsonRpcMethod("textDocument/publishDiagnostics", UseSingleObjectParameterDeserialization = true)]
        public Task PublishDiagnosticsAsync(JToken parameters) =>
            host.Interceptor.HandleNotificationAsync(HealMethods.PublishDiagnostics, parameters, p =>
            {
                if (p is JObject published && (string?)published["uri"] is { } uri)
                {
                    host._published[uri] = published;
                    host._changed.Release();
                }

                return Task.CompletedTask;
            });

        [JsonRpcMethod("$/progress", UseSingleObjectParameterDeserialization = true)]
        public Task ProgressAsync(JToken parameters) =>
            host.Interceptor.HandleNotificationAsync(HealMethods.Progress, parameters, _ => Task.CompletedTask);

        [JsonRpcMethod("window/logMessage", UseSingleObjectParameterDeserialization = true)]
        public void LogMessage(JToken parameters) => host.Log.Enqueue("server: " + (string?)parameters["message"]);

        [JsonRpcMethod("window/workDoneProgress/create", UseSingleObjectParameterDeserialization = true)]
        public object? CreateProgress(JToken parameters) => null;

        [JsonRpcMethod("workspace/codeLens/refresh")]
        public object? RefreshCodeLenses() => null;

        [JsonRpcMethod("client/registerCapability", UseSingleObjectParameterDeserialization = true)]
        public object? RegisterCapability(JToken parameters) => null;
    }
}
