using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Heal.Feed.Tests.Fixtures;

namespace Heal.Feed.Benchmarks;

/// <summary>
/// The feed's memory under hostile load, against the real <c>heal feed</c> process: for each worst-case event shape and
/// each concurrency, a fresh feed gets that many connections each posting the ~20 MiB event (gzip) a few times; the
/// feed's peak resident set (sampled every 20 ms from /proc, and the kernel's high-water mark) is printed against the
/// documented in-flight budget, then its resident set after it has been idle. Asserts nothing: it prints figures.
/// </summary>
public static class MemoryBench
{
    private const long DocumentedBudget = 256L << 20;

    public static async Task<int> RunAsync(string[] args)
    {
        var concurrencies = Options.List(args, "--concurrency", [8, 16, 64]);
        var cases = Options.Text(args, "--cases")?.Split(',') ?? [.. WorstCaseEvents.Names];
        var rounds = Options.Int(args, "--rounds", 3);
        var idleSeconds = Options.Int(args, "--idle-seconds", 15);
        var feedArgs = Options.Text(args, "--feed-args")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {Options.LoadAverage()}");
        Console.WriteLine($"feed memory under worst-case events: cases {string.Join(",", cases)}; concurrency {string.Join(",", concurrencies)}; {rounds} posts per connection; documented in-flight budget {DocumentedBudget >> 20} MiB");
        Console.WriteLine($"{"case",-14} {"conns",5} {"gzip KiB",8} {"idle MiB",8} {"peak MiB",8} {"peak-idle",9} {"after idle",10} {"time s",7}  answers");
        var worst = 0L;
        foreach (var name in cases)
        {
            var id = SentryPayloads.NewId();
            var json = WorstCaseEvents.Build(name, id);
            var body = SentryPayloads.Gzip(SentryPayloads.Envelope(json, id));
            json = null;
            GC.Collect();
            foreach (var connections in concurrencies)
            {
                var folder = Directory.CreateTempSubdirectory("heal-feed-memory-");
                try
                {
                    await using var feed = await FeedChild.StartAsync(Path.Combine(folder.FullName, "feed.db"), feedArgs);
                    var idle = feed.Rss;
                    var clock = Stopwatch.StartNew();
                    var answers = await PostAllAsync(feed, body, connections, rounds);
                    var elapsed = clock.Elapsed;
                    var peak = feed.PeakRss;
                    var afterIdle = await WaitIdleAsync(feed, idleSeconds);
                    worst = Math.Max(worst, peak);
                    var crashed = feed.HasExited ? $" CRASHED: {feed.Stderr}" : "";
                    Console.WriteLine($"{name,-14} {connections,5} {body.Length >> 10,8} {idle >> 20,8} {peak >> 20,8} {(peak - idle) >> 20,9} {afterIdle >> 20,10} {elapsed.TotalSeconds,7:0.0}  {Histogram(answers)}{crashed}");
                    await feed.StopAsync();
                }
                finally
                {
                    folder.Delete(recursive: true);
                }
            }
        }

        Console.WriteLine($"largest peak resident set: {worst >> 20} MiB (documented in-flight budget {DocumentedBudget >> 20} MiB plus the process's own baseline)");
        return 0;
    }

    private static async Task<List<string>> PostAllAsync(FeedChild feed, byte[] body, int connections, int rounds)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseProxy = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = feed.Address, Timeout = TimeSpan.FromMinutes(10) };
        var answers = new List<string>();
        var auth = feed.Key is null ? null : $"Sentry sentry_key={feed.Key}, sentry_version=7";
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            for (var round = 0; round < rounds; round++)
            {
                string answer;
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/1/envelope/") { Content = new ByteArrayContent(body) };
                    request.Content.Headers.ContentEncoding.Add("gzip");
                    if (auth is not null)
                    {
                        request.Headers.TryAddWithoutValidation("X-Sentry-Auth", auth);
                    }

                    using var response = await client.SendAsync(request);
                    await response.Content.ReadAsByteArrayAsync();
                    answer = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                }
                catch (HttpRequestException e)
                {
                    answer = "connection error: " + e.Message;
                }

                lock (answers)
                {
                    answers.Add(answer);
                }
            }
        }));
        return answers;
    }

    /// <summary>Waits <paramref name="seconds"/> with no requests and returns the resident set then.</summary>
    private static async Task<long> WaitIdleAsync(FeedChild feed, int seconds)
    {
        for (var i = 0; i < seconds * 4; i++)
        {
            await Task.Delay(250);
        }

        return feed.Rss;
    }

    internal static string Histogram(IEnumerable<string> answers) =>
        string.Join(" ", answers.GroupBy(a => a).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}x{g.Count()}"));
}
