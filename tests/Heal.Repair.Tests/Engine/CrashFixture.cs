using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Heal.Core.Model;
using Heal.Repair.Tests.Rules;

namespace Heal.Repair.Tests.Engine;

/// <summary>
/// A repository on disk plus the event of a crash in it, from one fixture: <c>//- path</c> starts a file, a
/// line ending in <c>// &lt;- throws</c> is the throwing frame, <c>// &lt;- caller N</c> the callers (nearest
/// first). Markers are removed from the files written. Frames carry Linux CI absolute paths.
/// </summary>
public static partial class CrashFixture
{
    public const string BuildRoot = "/home/runner/work/app/app/";

    public static (TempRepository Repository, ErrorEvent Event) Create(string fixture, string exceptionType, string message)
    {
        var files = RuleFixture.ParseFiles(fixture);
        (string Path, int Line)? throwing = null;
        var callers = new SortedDictionary<int, (string Path, int Line)>();
        var clean = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, text) in files)
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

        var repository = TempRepository.Create("");
        foreach (var (path, text) in clean)
        {
            repository.Write(path, text);
        }

        var frames = callers.Values.Reverse()
            .Concat(throwing is null ? [] : [throwing.Value])
            .Select(f => StackFrame.Create(file: Path.GetFileName(f.Path), absolutePath: BuildRoot + f.Path, line: f.Line, inApp: true))
            .Append(StackFrame.Create(function: "ThrowHelper.Throw()", module: "System.ThrowHelper", inApp: false))
            .ToImmutableArray();
        return (repository, Event(new ExceptionInfo(exceptionType, message, null, null, frames)));
    }

    public static ErrorEvent Event(params ExceptionInfo[] exceptions) =>
        new(new string('a', 32), DateTimeOffset.UnixEpoch, "csharp", "app@1.0.0", "production", null, null, "error",
            [.. exceptions], null, null, ImmutableDictionary<string, string>.Empty, ImmutableDictionary<string, string>.Empty,
            ImmutableArray<string>.Empty, null);

    [GeneratedRegex(@"\s*// <- (?<kind>throws|caller (?<n>\d+))\s*$")]
    private static partial Regex Marker();
}
