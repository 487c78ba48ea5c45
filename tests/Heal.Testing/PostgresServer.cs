using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Heal.Testing;

/// <summary>
/// A real PostgreSQL server for tests and benchmarks: <c>initdb</c> in a temporary folder, <c>postgres</c> on 127.0.0.1 on a
/// free port (no Unix socket), password authentication (SCRAM) for the user <c>heal</c>. Started once per test assembly
/// (<see cref="SharedAsync"/>) and stopped when the process exits; each test class takes its own database from
/// <see cref="CreateDatabaseAsync"/>.
/// </summary>
/// <remarks>
/// <para>initdb and postgres refuse to run as root, so under root they run as <c>nobody</c> through <c>runuser</c> and
/// the folder is handed to that user.</para>
/// <para>The server is a child of a small shell that stops it (fast shutdown) as soon as its standard input closes:
/// <see cref="DisposeAsync"/> closes it, and so does the kernel when the test process dies in any way, so no server
/// outlives its tests.</para>
/// <para>Tests run with <c>fsync=off</c> (they kill feeds, never the database server or the machine, and commits still
/// go through PostgreSQL's WAL and locks); benchmarks pass <c>durable: true</c> for PostgreSQL's defaults.</para>
/// </remarks>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string User = "heal";

    private static readonly Lazy<Task<PostgresServer>> s_shared = new(() => StartSharedAsync());

    private readonly Process _process;
    private readonly string _folder;
    private readonly string _password;
    private int _databases;

    private PostgresServer(Process process, string folder, int port, string password)
    {
        _process = process;
        _folder = folder;
        Port = port;
        _password = password;
    }

    public int Port { get; }

    /// <summary>Started on first use, stopped when the process exits.</summary>
    public static Task<PostgresServer> SharedAsync() => s_shared.Value;

    /// <summary>The URL of <paramref name="database"/> as users write it: <c>postgres://heal:PASSWORD@127.0.0.1:PORT/DB</c>.</summary>
    public string Url(string database) => $"postgres://{User}:{_password}@127.0.0.1:{Port}/{database}";

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = User, Password = _password, Database = database, Pooling = false }.ConnectionString;

    /// <summary>A new, empty database; returns its name.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "t")
    {
        var name = $"{prefix}_{Interlocked.Increment(ref _databases)}_{RandomNumberGenerator.GetHexString(6, lowercase: true)}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\";", connection);
        await command.ExecuteNonQueryAsync();
        return name;
    }

    /// <summary>Runs <paramref name="sql"/> in <paramref name="database"/> and returns the first column of every row.</summary>
    public async Task<List<object?>> QueryAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<object?>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.FieldCount == 0 || reader.IsDBNull(0) ? null : reader.GetValue(0));
        }

        return values;
    }

    /// <summary>
    /// Creates a cluster in a new temporary folder and starts it. <paramref name="durable"/> keeps PostgreSQL's fsync;
    /// without it the cluster is faster and loses nothing unless the machine itself crashes.
    /// </summary>
    public static async Task<PostgresServer> StartAsync(bool durable = false, TimeSpan? deadline = null)
    {
        var wait = deadline ?? TimeSpan.FromSeconds(90);
        var bin = FindBinDirectory();
        var folder = Directory.CreateTempSubdirectory("heal-pg-").FullName;
        var data = Path.Combine(folder, "data");
        var password = RandomNumberGenerator.GetHexString(24, lowercase: true);
        var passwordFile = Path.Combine(folder, "password");
        await File.WriteAllTextAsync(passwordFile, password + "\n");
        var asUser = geteuid() == 0 ? "nobody" : null;
        if (asUser is not null)
        {
            await RunAsync("chown", ["-R", asUser, folder], wait);
        }

        await RunAsync(Wrap(asUser, Path.Combine(bin, "initdb")),
            [.. WrapArguments(asUser, Path.Combine(bin, "initdb")), "-D", data, "-U", User, "--pwfile", passwordFile, "-A", "scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync"], wait);
        File.Delete(passwordFile);

        var port = FreePort();
        string[] settings =
        [
            "-p", port.ToString(CultureInfo.InvariantCulture), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
            "-c", "max_connections=300", "-c", "log_min_messages=warning", "-c", "log_min_error_statement=panic",
            .. durable ? (string[])[] : ["-c", "fsync=off", "-c", "full_page_writes=off"],
        ];
        // The shell starts postgres, then stops it (SIGINT: fast shutdown) when its stdin reaches end of file.
        // (A background job's stdin is /dev/null unless redirected, hence the copy in descriptor 3.) Once postgres has
        // exited the shell deletes the folder ($1), so nothing is left even when the test process was killed.
        const string Script = "folder=$1; shift; exec 3<&0; \"$@\" </dev/null 3<&- & pid=$!; (cat >/dev/null <&3; kill -INT $pid 2>/dev/null) & exec 3<&-; wait $pid; rm -rf \"$folder\"";
        var postgres = Path.Combine(bin, "postgres");
        var start = new ProcessStartInfo(Wrap(asUser, "sh"))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[.. WrapArguments(asUser, "sh"), "-c", Script, "sh", folder, postgres, "-D", data, .. settings])
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (log)
            {
                log.AppendLine(e.Data);
            }

            if (e.Data?.Contains("ready to accept connections", StringComparison.Ordinal) == true)
            {
                ready.TrySetResult();
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"postgres exited before it was ready:\n{Text(log)}"));
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var server = new PostgresServer(process, folder, port, password);
        try
        {
            await ready.Task.WaitAsync(wait);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Stops the server (fast shutdown: open transactions roll back, committed data stays) and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // The OS cleans temp eventually.
            }
        }
    }

    private static async Task<PostgresServer> StartSharedAsync()
    {
        var server = await StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }

    /// <summary>PostgreSQL's programs: <c>HEAL_PG_BIN</c>, else the newest <c>/usr/lib/postgresql/N/bin</c> (Debian's layout).</summary>
    private static string FindBinDirectory()
    {
        if (Environment.GetEnvironmentVariable("HEAL_PG_BIN") is { Length: > 0 } configured)
        {
            return configured;
        }

        var found = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "postgres")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            "PostgreSQL is not installed: tests/scripts/install-test-deps.sh installs Debian's postgresql-15 (or set HEAL_PG_BIN).");
    }

    private static string Wrap(string? asUser, string program) => asUser is null ? program : "runuser";

    private static string[] WrapArguments(string? asUser, string program) => asUser is null ? [] : ["-u", asUser, "--", program];

    private static async Task RunAsync(string program, string[] arguments, TimeSpan deadline)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(deadline);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{await output}\n{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Text(System.Text.StringBuilder log)
    {
        lock (log)
        {
            return log.ToString();
        }
    }

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern uint geteuid();
}
