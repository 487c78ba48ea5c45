using System.Text.RegularExpressions;

namespace Heal.Repair.Tests.Rules;

/// <summary>
/// A multi-file fixture with frame markers: a line ending in <c>// &lt;- throws</c> is the throwing frame's line,
/// lines ending in <c>// &lt;- caller 1</c>, <c>// &lt;- caller 2</c>… the callers, nearest first. The markers are
/// removed from <see cref="Files"/>. Shared by the rule harness and the engine's on-disk crash fixture.
/// </summary>
public sealed partial record MarkedFixture(
    IReadOnlyDictionary<string, string> Files,
    (string Path, int Line)? Throwing,
    IReadOnlyList<(string Path, int Line)> CallersNearestFirst)
{
    public static MarkedFixture Parse(string fixture)
    {
        var clean = new Dictionary<string, string>(StringComparer.Ordinal);
        (string Path, int Line)? throwing = null;
        var callers = new SortedDictionary<int, (string Path, int Line)>();
        foreach (var (path, text) in RuleFixture.ParseFiles(fixture))
        {
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var match = Marker().Match(lines[i]);
                if (!match.Success)
                {
                    continue;
                }

                if (match.Groups["kind"].Value == "throws")
                {
                    throwing = (path, i + 1);
                }
                else
                {
                    callers[int.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture)] = (path, i + 1);
                }

                lines[i] = lines[i][..match.Index].TrimEnd();
            }

            clean[path] = string.Join('\n', lines);
        }

        return new MarkedFixture(clean, throwing, [.. callers.Values]);
    }

    [GeneratedRegex(@"\s*// <- (?<kind>throws|caller (?<n>\d+))\s*$")]
    private static partial Regex Marker();
}
