using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace Heal.VisualStudio.Core.Server;

/// <summary>
/// One running <c>heal lsp</c>: stdin and stdout carry JSON-RPC, stderr lines go to the log with every secret value
/// masked. <see cref="Exited"/> completes with the exit code.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process)
    {
        _process = process;
    }

    /// <summary>The process id, kept after the process is gone.</summary>
    public int Id { get; private set; }

    /// <summary>The server's stdin: requests and notifications go here.</summary>
    public Stream Input => _process.StandardInput.BaseStream;

    /// <summary>The server's stdout: nothing but framed JSON-RPC.</summary>
    public Stream Output => _process.StandardOutput.BaseStream;

    public Task<int> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>Starts the server; a program that cannot start is an <see cref="InvalidOperationException"/> naming it.</summary>
    public static ServerProcess Start(ServerLaunch launch, Action<string> log)
    {
        var redactor = new SecretRedactor(launch.Environment.Values);
        var process = new Process { StartInfo = launch.ToStartInfo(), EnableRaisingEvents = true };
        var server = new ServerProcess(process);
        process.Exited += (_, _) => server._exited.TrySetResult(SafeExitCode(process));
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                log(redactor.Redact(line));
            }
        };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or FileNotFoundException)
        {
            process.Dispose();
            throw new InvalidOperationException($"Heal language server could not start ({launch}): {e.Message}", e);
        }

        server.Id = process.Id;
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>Ends the process and its children (validation runs dotnet build and test under it).</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static int SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }
}
