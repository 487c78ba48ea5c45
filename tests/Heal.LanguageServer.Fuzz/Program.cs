using System.Diagnostics;
using System.Globalization;
using System.Text;
using Heal.LanguageServer.Fuzz;

// A mutation fuzzer for `heal lsp`: real traffic captured from a scripted session, mutated (framing and bodies) and written
// to the real server over stdio, with a ping after every burst. A crash is the process exiting or a ping unanswered for
// the whole timeout; each is saved with the input that led to it and the server is restarted. Prints a summary and exits
// 1 when anything crashed or stdout ever carried something other than framed JSON. Run through tests/scripts/fuzz-lsp.sh.
var options = FuzzOptions.Parse(args);
Directory.CreateDirectory(options.OutputDirectory);
Console.WriteLine($"heal lsp fuzz: {options.Minutes} min, seed {options.Seed}, ping timeout {options.PingTimeoutSeconds} s, server {options.HealDll}");
using var corpus = await Corpus.CaptureAsync(options.HealDll);
Console.WriteLine($"captured {corpus.Messages.Count} messages of a real session on {corpus.Repository.Path}");

var random = new Random(options.Seed);
var mutator = new Mutator(random, corpus.Messages);
var timeout = TimeSpan.FromSeconds(options.PingTimeoutSeconds);
var received = new Dictionary<string, long>(StringComparer.Ordinal);
var mutations = new Dictionary<string, long>(StringComparer.Ordinal);
var recent = new Queue<Mutation>();
long sent = 0, bytes = 0, bursts = 0, pings = 0, resentPings = 0, crashes = 0, badOutput = 0, internalErrors = 0;
double peak = 0;
var clock = Stopwatch.StartNew();

var server = await StartAsync();
while (clock.Elapsed < TimeSpan.FromMinutes(options.Minutes))
{
    bursts++;
    for (var i = random.Next(1, 9); i > 0; i--)
    {
        var mutation = mutator.Next();
        recent.Enqueue(mutation);
        if (recent.Count > 32)
        {
            recent.Dequeue();
        }

        WriteInPieces(server, mutation.Wire);
        PayDebt(server, mutation.Owed);
        sent++;
        bytes += mutation.Wire.Length + mutation.Owed;
        foreach (var name in mutation.Name.Split('+'))
        {
            mutations[name] = mutations.GetValueOrDefault(name) + 1;
        }
    }

    var (answered, attempts) = await server.PingAsync("heal/listErrors", "{}", timeout);
    pings += attempts;
    resentPings += attempts - 1;
    peak = Math.Max(peak, server.PeakMemoryMiB());
    if (!answered || server.HasExited)
    {
        crashes++;
        var why = server.HasExited ? $"exited with code {server.ExitCode}" : $"no answer to a ping for {timeout.TotalSeconds} s";
        var file = Path.Combine(options.OutputDirectory, $"crash-{crashes}.txt");
        await File.WriteAllLinesAsync(file, [
            $"heal lsp {why} after these inputs (oldest first; base64 of the bytes written, then the filler owed):",
            .. recent.Select(m => $"{m.Name}\t{Convert.ToBase64String(m.Wire)}\t{m.Owed}"),
            "stderr (tail):",
            .. server.StderrTail]);
        Console.WriteLine($"CRASH {crashes}: {why}; inputs and stderr in {file}");
        await StopAsync(server);
        server = await StartAsync();
    }
}

await StopAsync(server);
Console.WriteLine();
Console.WriteLine($"load: {File.ReadAllText("/proc/loadavg").Trim()} ({Environment.ProcessorCount} cores)");
Console.WriteLine($"ran {clock.Elapsed.TotalMinutes:F1} min, seed {options.Seed}");
Console.WriteLine($"requests sent: {sent:N0} mutated messages ({bytes / 1024.0 / 1024.0:F1} MiB) in {bursts:N0} bursts, {pings:N0} pings ({resentPings:N0} sent again after a mutated frame swallowed one)");
Console.WriteLine($"crashes (exit, or no answer to a ping within {timeout.TotalSeconds} s): {crashes}");
Console.WriteLine($"stdout bytes that were not a framed JSON message: {badOutput}");
Console.WriteLine($"handler exceptions logged on stderr (the client saw only 'internal error'): {internalErrors}");
Console.WriteLine($"peak RSS of the server (VmHWM): {peak:F0} MiB");
Console.WriteLine("responses and server messages by kind:");
foreach (var (kind, count) in received.OrderByDescending(r => r.Value))
{
    Console.WriteLine($"  {count,10:N0}  {kind}");
}

Console.WriteLine("mutations applied:");
foreach (var (name, count) in mutations.OrderByDescending(m => m.Value))
{
    Console.WriteLine($"  {count,10:N0}  {name}");
}

return crashes == 0 && badOutput == 0 ? 0 : 1;

async Task<FuzzServer> StartAsync()
{
    var started = FuzzServer.Start(options.HealDll, corpus.Repository.Path);
    foreach (var message in corpus.Opening)
    {
        started.Write(FuzzServer.Frame(message));
    }

    if (!(await started.PingAsync("heal/listErrors", "{}", TimeSpan.FromSeconds(120))).Answered)
    {
        throw new InvalidOperationException("the server did not start: " + string.Join('\n', started.StderrTail));
    }

    return started;
}

async Task StopAsync(FuzzServer stopping)
{
    peak = Math.Max(peak, stopping.PeakMemoryMiB());
    foreach (var (kind, count) in stopping.Received)
    {
        received[kind] = received.GetValueOrDefault(kind) + count;
    }

    badOutput += stopping.BadOutput;
    internalErrors += stopping.InternalErrorLogLines;
    await stopping.DisposeAsync();
}

// Writes a frame in one to four pieces, so the server also sees headers and bodies split across reads.
void WriteInPieces(FuzzServer target, byte[] wire)
{
    var at = 0;
    for (var pieces = random.Next(1, 5); pieces > 1 && at < wire.Length; pieces--)
    {
        var size = random.Next(1, Math.Max(2, (wire.Length - at) / 2));
        target.Write(wire.AsSpan(at, Math.Min(size, wire.Length - at)));
        at += size;
    }

    if (at < wire.Length)
    {
        target.Write(wire.AsSpan(at));
    }
}

// A header that promised more bytes than it carried makes the server wait for them, as the base protocol says it must:
// the bytes are sent (spaces or random bytes), as a lying client would have to, before the ping.
void PayDebt(FuzzServer target, long owed)
{
    var filler = new byte[64 * 1024];
    if (random.Next(2) == 0)
    {
        random.NextBytes(filler);
    }
    else
    {
        Array.Fill(filler, (byte)' ');
    }

    for (; owed > 0; owed -= filler.Length)
    {
        target.Write(filler.AsSpan(0, (int)Math.Min(owed, filler.Length)));
    }
}
