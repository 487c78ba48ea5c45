namespace Heal.Feed.Tests.Processes;

/// <summary>
/// Finds leftover processes: a test gives the processes it starts a unique environment variable, which every descendant
/// inherits (build nodes, compiler servers, the app), then lists the live processes that still carry it.
/// </summary>
internal sealed class ProcessMarker
{
    public const string Variable = "HEAL_TEST_PROCESS_MARKER";

    public string Value { get; } = Guid.NewGuid().ToString("N");

    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?> { [Variable] = Value };

    /// <summary>
    /// Waits until no live process carries the marker and returns those still alive at <paramref name="deadline"/>: a
    /// process that is exiting gets a moment to go, one left running (a reused build node, a compiler server) stays listed.
    /// </summary>
    public async Task<IReadOnlyList<string>> LeftoverProcessesAsync(TimeSpan deadline)
    {
        var until = DateTimeOffset.UtcNow + deadline;
        var live = LiveProcesses();
        while (live.Count > 0 && DateTimeOffset.UtcNow < until)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            live = LiveProcesses();
        }

        return live;
    }

    /// <summary>Live processes carrying the marker, as <c>pid: command line</c>.</summary>
    public IReadOnlyList<string> LiveProcesses()
    {
        var needle = $"{Variable}={Value}";
        var found = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            var pid = Path.GetFileName(folder);
            if (!pid.All(char.IsAsciiDigit))
            {
                continue;
            }

            try
            {
                var environment = File.ReadAllText(Path.Combine(folder, "environ"));
                if (environment.Split('\0').Contains(needle))
                {
                    found.Add($"{pid}: {File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ').Trim()}");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked, or is not ours to read: either way not one of ours left behind.
            }
        }

        return found;
    }
}
