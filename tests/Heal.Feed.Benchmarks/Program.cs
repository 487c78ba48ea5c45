namespace Heal.Feed.Benchmarks;

/// <summary>
/// The feed's figures (prints them, asserts nothing), each against the real <c>heal feed</c> process:
/// <list type="bullet">
/// <item><c>throughput</c> (default; <c>npm run bench:feed</c>): events/s with durable acknowledgements, latency, peak memory, where the time goes.
/// Options: <c>--store sqlite</c>, <c>--events N</c>, <c>--connections C</c>, <c>--overload-connections C</c>, <c>--feed-args "…"</c>,
/// <c>--skip-overload</c>, <c>--skip-profile</c>, <c>--profile-only</c>.</item>
/// <item><c>memory</c> (<c>npm run bench:feed -- memory</c>): peak resident set under worst-case events at 8, 16 and 64 connections.</item>
/// <item><c>fuzz</c> (<c>npm run fuzz:feed -- --minutes N</c>): mutated real envelopes; status histogram, 5xx, crashes, peak memory.</item>
/// </list>
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var mode = args.FirstOrDefault() is { } first && !first.StartsWith("--", StringComparison.Ordinal) ? first : "throughput";
        var rest = mode == "throughput" && args.FirstOrDefault() != "throughput" ? args : args[1..];
        switch (mode)
        {
            case "throughput" when rest.Contains("--profile-only"):
                PhaseProfile.Run(ThroughputBench.Prepare(10_000), Options.Int(rest, "--batch", 256), Path.Combine(Directory.CreateTempSubdirectory("heal-feed-profile-").FullName, "profile.db"));
                return 0;
            case "throughput":
                return await ThroughputBench.RunAsync(rest);
            case "memory":
                return await MemoryBench.RunAsync(rest);
            case "fuzz":
                return await FeedFuzzer.RunAsync(rest);
            default:
                await Console.Error.WriteLineAsync($"unknown mode '{mode}': throughput, memory or fuzz");
                return 2;
        }
    }
}
