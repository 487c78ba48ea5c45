using System.Globalization;

namespace Heal.Feed.Benchmarks;

/// <summary>The benchmark's <c>--name value</c> options.</summary>
internal static class Options
{
    public static string? Text(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    public static int Int(string[] args, string name, int fallback) =>
        Text(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public static double Double(string[] args, string name, double fallback) =>
        Text(args, name) is { } text ? double.Parse(text, CultureInfo.InvariantCulture) : fallback;

    public static int[] List(string[] args, string name, int[] fallback) =>
        Text(args, name) is { } text ? text.Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture)).ToArray() : fallback;

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
