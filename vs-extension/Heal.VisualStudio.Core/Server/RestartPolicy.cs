using System;
using System.Collections.Generic;
using System.Linq;

namespace Heal.VisualStudio.Core.Server;

/// <summary>
/// Whether to start the server again after it died: yes, unless it died <see cref="MaxCrashes"/> times within
/// <see cref="Window"/> (vscode-languageclient's rule: 5 crashes in 3 minutes), so a server that cannot run does not
/// restart forever.
/// </summary>
public sealed class RestartPolicy(int maxCrashes, TimeSpan window)
{
    private readonly List<DateTimeOffset> _crashes = [];

    public static RestartPolicy Default => new(5, TimeSpan.FromMinutes(3));

    public int MaxCrashes => maxCrashes;

    public TimeSpan Window => window;

    /// <summary>Records a crash at <paramref name="now"/> and says whether to restart.</summary>
    public bool OnCrash(DateTimeOffset now)
    {
        lock (_crashes)
        {
            _crashes.Add(now);
            _crashes.RemoveAll(c => now - c > window);
            return _crashes.Count < maxCrashes;
        }
    }

    public int RecentCrashes(DateTimeOffset now)
    {
        lock (_crashes)
        {
            return _crashes.Count(c => now - c <= window);
        }
    }
}
