using System.Globalization;

namespace Heal.LanguageServer.Benchmarks;

/// <summary>
/// The command line: <c>--files 2000 --groups 10000 --events-per-group 10 --starts 5 --samples 200 --live 5 --heal path/heal.dll
/// --world dir --initialize-only true --first-paint 10 --baseline path/heal.dll --first-paint-only true</c>; a world folder is
/// generated once and then reused as it is. <c>--baseline</c> names another build (today's main, say) whose first paint is
/// measured in the same run, its starts alternating with this build's so both see the same machine load.
/// </summary>
public sealed record BenchOptions(int Files, int Groups, int EventsPerGroup, int Starts, int Samples, int LiveUpdates, string HealDll, string? World = null,
    bool InitializeOnly = false, int FirstPaintStarts = 10, string? Baseline = null, bool FirstPaintOnly = false)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(2000, 10_000, 10, 5, 200, 5, Path.Combine(AppContext.BaseDirectory, "heal.dll"));
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--files" => options with { Files = Int(value) },
                "--groups" => options with { Groups = Int(value) },
                "--events-per-group" => options with { EventsPerGroup = Int(value) },
                "--starts" => options with { Starts = Int(value) },
                "--samples" => options with { Samples = Int(value) },
                "--live" => options with { LiveUpdates = Int(value) },
                "--heal" => options with { HealDll = Path.GetFullPath(value) },
                "--world" => options with { World = Path.GetFullPath(value) },
                "--initialize-only" => options with { InitializeOnly = value == "true" },
                "--first-paint" => options with { FirstPaintStarts = Int(value) },
                "--baseline" => options with { Baseline = Path.GetFullPath(value) },
                "--first-paint-only" => options with { FirstPaintOnly = value == "true" },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
