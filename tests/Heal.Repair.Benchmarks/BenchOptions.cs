using System.Globalization;

namespace Heal.Repair.Benchmarks;

/// <summary>
/// The command line: <c>--repos DIR --warm 3 --loaders adhoc,msbuild</c> measures every repository folder under
/// DIR (each restored beforehand), one fresh child process per repository and loader;
/// <c>--child LOADER --repo DIR --warm 3</c> is that child, which prints one <c>RESULT {json}</c> line.
/// </summary>
public sealed record BenchOptions(string? Repos, int Warm, string[] Loaders, string? Child, string? Repo)
{
    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions(null, 3, [Heal.Repair.Benchmarks.Loaders.Adhoc, Heal.Repair.Benchmarks.Loaders.MSBuild], null, null);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--repos" => options with { Repos = Path.GetFullPath(value) },
                "--warm" => options with { Warm = int.Parse(value, CultureInfo.InvariantCulture) },
                "--loaders" => options with { Loaders = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--child" => options with { Child = value },
                "--repo" => options with { Repo = Path.GetFullPath(value) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        if (args.Length % 2 != 0)
        {
            throw new ArgumentException($"option {args[^1]} has no value");
        }

        return options;
    }
}
