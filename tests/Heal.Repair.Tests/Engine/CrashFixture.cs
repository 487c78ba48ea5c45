using System.Collections.Immutable;
using Heal.Core.Model;
using Heal.Repair.Tests.Rules;

namespace Heal.Repair.Tests.Engine;

/// <summary>
/// A repository on disk plus the event of a crash in it, from one fixture: <c>//- path</c> starts a file, a
/// line ending in <c>// &lt;- throws</c> is the throwing frame, <c>// &lt;- caller N</c> the callers (nearest
/// first). Markers are removed from the files written. Frames carry Linux CI absolute paths.
/// </summary>
public static class CrashFixture
{
    public const string BuildRoot = "/home/runner/work/app/app/";

    public static (TempRepository Repository, ErrorEvent Event) Create(string fixture, string exceptionType, string message)
    {
        var marked = MarkedFixture.Parse(fixture);
        var (clean, throwing, callers) = (marked.Files, marked.Throwing, marked.CallersNearestFirst);

        var repository = TempRepository.Create("");
        foreach (var (path, text) in clean)
        {
            repository.Write(path, text);
        }

        var frames = callers.Reverse()
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
}
