using System.Globalization;

namespace Heal.LanguageServer.Fuzz;

/// <summary>The command line: <c>--minutes 10 --seed 1 --ping-timeout 20 --heal path/heal.dll --out dir</c>.</summary>
public sealed record FuzzOptions(double Minutes, int Seed, double PingTimeoutSeconds, string HealDll, string OutputDirectory)
{
    public static FuzzOptions Parse(string[] args)
    {
        var options = new FuzzOptions(1, Environment.TickCount, 20, Path.Combine(AppContext.BaseDirectory, "heal.dll"),
            Path.Combine(Path.GetTempPath(), "heal-fuzz-lsp"));
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--minutes" => options with { Minutes = double.Parse(value, CultureInfo.InvariantCulture) },
                "--seed" => options with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                "--ping-timeout" => options with { PingTimeoutSeconds = double.Parse(value, CultureInfo.InvariantCulture) },
                "--heal" => options with { HealDll = Path.GetFullPath(value) },
                "--out" => options with { OutputDirectory = Path.GetFullPath(value) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }
}
