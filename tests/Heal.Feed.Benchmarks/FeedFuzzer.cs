using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Heal.Feed.Tests.Fixtures;

namespace Heal.Feed.Benchmarks;

/// <summary>
/// Fuzzes the real <c>heal feed</c> process over raw sockets with real events (captured from the .NET, Node, Python, Go and
/// Ruby SDKs, and the corpus's .NET SDK captures) mutated at every layer: HTTP headers and framing (lying lengths, chunk
/// sizes, encodings), compression, envelope framing, JSON structure, nesting and huge values. Every answer must be a
/// deliberate one (2xx, 4xx): prints requests sent, the status histogram, 5xx answers (must be 0), crashes (must be 0)
/// and the feed's peak resident set; examples of any 5xx or unanswered request go to a folder for replay.
/// Usage: fuzz [--minutes N] [--seed S] [--workers W]
/// </summary>
public static class FeedFuzzer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var minutes = Options.Double(args, "--minutes", 1);
        var seed = Options.Int(args, "--seed", Environment.TickCount);
        var workers = Options.Int(args, "--workers", 8);
        var seeds = SeedEvents();
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {Options.LoadAverage()}");
        Console.WriteLine($"fuzzing heal feed for {minutes} min with {workers} connections, seed {seed}, {seeds.Count} real events as seeds");

        var folder = Directory.CreateTempSubdirectory("heal-feed-fuzz-");
        var findings = Path.Combine(Directory.GetCurrentDirectory(), ".tmp", "fuzz-findings");
        Directory.CreateDirectory(findings);
        var statuses = new ConcurrentDictionary<string, int>();
        var serverErrors = new ConcurrentDictionary<string, int>();
        long sent = 0, crashes = 0, peak = 0, unanswered = 0;
        var deadline = Stopwatch.StartNew();
        var feed = await FeedChild.StartAsync(Path.Combine(folder.FullName, "feed.db"), []);
        var feedLock = new SemaphoreSlim(1, 1);
        try
        {
            var lastReport = 0L;
            var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
            {
                var random = new Random(seed + w);
                while (deadline.Elapsed.TotalMinutes < minutes)
                {
                    var current = feed;
                    var (description, request) = Mutations.Build(random, seeds, current.Address, current.Key!);
                    var status = await SendAsync(current, request);
                    Interlocked.Increment(ref sent);
                    statuses.AddOrUpdate(status, 1, (_, c) => c + 1);
                    if (status.StartsWith('5') || status == "no answer")
                    {
                        var bucket = status == "no answer" ? "no answer" : "5xx";
                        serverErrors.AddOrUpdate($"{bucket} {description}", 1, (_, c) => c + 1);
                        if (status == "no answer")
                        {
                            Interlocked.Increment(ref unanswered);
                        }

                        var file = Path.Combine(findings, $"{bucket.Replace(' ', '-')}-{Interlocked.Read(ref sent)}.http");
                        if (Directory.GetFiles(findings).Length < 200)
                        {
                            await File.WriteAllBytesAsync(file, request);
                        }
                    }

                    if (current.HasExited)
                    {
                        await feedLock.WaitAsync();
                        try
                        {
                            if (ReferenceEquals(feed, current))
                            {
                                Interlocked.Increment(ref crashes);
                                Console.WriteLine($"CRASH after {description}: {current.Stderr}");
                                peak = Math.Max(peak, current.PeakRss);
                                await current.DisposeAsync();
                                feed = await FeedChild.StartAsync(Path.Combine(folder.FullName, "feed.db"), []);
                            }
                        }
                        finally
                        {
                            feedLock.Release();
                        }
                    }

                    var minute = (long)deadline.Elapsed.TotalMinutes;
                    if (minute > Interlocked.Read(ref lastReport) && Interlocked.Exchange(ref lastReport, minute) < minute)
                    {
                        Console.WriteLine($"  {minute} min: {Interlocked.Read(ref sent)} requests, feed resident set {feed.Rss >> 20} MiB (peak {feed.PeakRss >> 20} MiB)");
                    }
                }
            })).ToArray();
            await Task.WhenAll(tasks);

            // The feed must still take a good event after all that.
            var id = SentryPayloads.NewId();
            var good = Mutations.Http(feed.Address, "POST", "/api/1/envelope/", [("X-Sentry-Auth", $"Sentry sentry_key={feed.Key}, sentry_version=7")],
                SentryPayloads.Envelope(SentryPayloads.DotNetEvent(id), id));
            var afterwards = await SendAsync(feed, good);
            peak = Math.Max(peak, feed.PeakRss);
            var idleRss = feed.Rss;
            var exit = await feed.StopAsync();

            var fiveHundreds = statuses.Where(s => s.Key.StartsWith('5')).Sum(s => s.Value);
            Console.WriteLine();
            Console.WriteLine($"requests sent: {sent} in {deadline.Elapsed.TotalMinutes:0.0} min");
            Console.WriteLine($"status histogram: {string.Join(" ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}x{s.Value}"))}");
            Console.WriteLine($"5xx answers: {fiveHundreds}");
            Console.WriteLine($"requests the feed closed without answering: {unanswered}");
            Console.WriteLine($"crashes: {crashes}");
            Console.WriteLine($"feed peak resident set: {peak >> 20} MiB; at the end: {idleRss >> 20} MiB");
            Console.WriteLine($"a good event afterwards: {afterwards}; feed exit code after SIGTERM: {exit}");
            foreach (var (what, count) in serverErrors.OrderByDescending(e => e.Value).Take(20))
            {
                Console.WriteLine($"  {count,5} x {what}");
            }

            if (!serverErrors.IsEmpty)
            {
                Console.WriteLine($"requests kept for replay: {findings}");
            }

            return fiveHundreds == 0 && crashes == 0 && afterwards == "200" ? 0 : 1;
        }
        finally
        {
            await feed.DisposeAsync();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Sends one request and reads the status of the first answer. A feed that closes the connection after a complete
    /// answer is fine; one that closes it with no answer at all is "no answer" (reported, as a 5xx is).
    /// </summary>
    private static async Task<string> SendAsync(FeedChild feed, byte[] request)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await socket.ConnectAsync(feed.Address.Host, feed.Address.Port, timeout.Token);
            try
            {
                // Not half-closed: Kestrel takes a client's FIN as an abort and answers nothing, which would hide the answer.
                // A body shorter than its length then waits for Kestrel's minimum data rate (408 after about 5 s).
                await socket.SendAsync(request, SocketFlags.None, timeout.Token);
            }
            catch (SocketException)
            {
                // The feed may answer and close before it read everything (a 413, a 400 on the headers): read the answer.
            }

            var buffer = new byte[64];
            var filled = 0;
            while (filled < 12)
            {
                var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, timeout.Token);
                if (read == 0)
                {
                    break;
                }

                filled += read;
            }

            return filled >= 12 && buffer.AsSpan(0, 5).SequenceEqual("HTTP/"u8) ? Encoding.ASCII.GetString(buffer, 9, 3) : "no answer";
        }
        catch (SocketException)
        {
            return feed.HasExited ? "crash" : "no answer";
        }
        catch (OperationCanceledException)
        {
            return "timeout";
        }
    }

    /// <summary>Real SDK events: the corpus's .NET SDK captures and the Core tests' .NET, Node, Python, Go and Ruby captures.</summary>
    private static List<string> SeedEvents()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Heal.Lsp.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException("run the fuzzer from inside the repository (it reads tests/corpus and tests/Heal.Core.Tests/Fixtures).");
        }

        var events = Directory.GetFiles(Path.Combine(root.FullName, "tests", "corpus"), "event.json", SearchOption.AllDirectories)
            .Concat(Directory.GetFiles(Path.Combine(root.FullName, "tests", "Heal.Core.Tests", "Fixtures"), "*.json"))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToList();
        events.Add(SentryPayloads.DotNetEvent(SentryPayloads.NewId()));
        return events;
    }
}
