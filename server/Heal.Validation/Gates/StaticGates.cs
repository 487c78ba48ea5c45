using System.Text.RegularExpressions;
using Heal.Core.Model;

namespace Heal.Validation.Gates;

/// <summary>The gates decided from the patch text alone, before anything is written anywhere.</summary>
public static partial class StaticGates
{
    public static GateResult Scope(PatchSummary patch, IReadOnlyCollection<string> allowedFiles, bool strict)
    {
        if (patch.Files.IsEmpty)
        {
            return GateResult.Fail("scope", "the patch changes no file");
        }

        var allowed = new HashSet<string>(allowedFiles, StringComparer.Ordinal);
        foreach (var file in patch.Files)
        {
            if (ScopeRules.Forbidden(file.Path) is { } reason)
            {
                return GateResult.Fail("scope", $"{file.Path} is {reason}");
            }

            if (file.IsDeleted || file.IsRename)
            {
                return GateResult.Fail("scope", $"{file.Path}: a fix may not delete or rename files");
            }

            if (file.IsNew)
            {
                if (!ScopeRules.IsNewTestFile(file.Path))
                {
                    return GateResult.Fail("scope", $"{file.Path} is a new file that is not a test");
                }

                continue;
            }

            if (strict ? !allowed.Contains(file.Path) : !file.Path.EndsWith(".cs", StringComparison.Ordinal))
            {
                return GateResult.Fail("scope", strict
                    ? $"{file.Path} is not a file of the error's stack trace"
                    : $"{file.Path} is not C# source");
            }
        }

        var names = string.Join(", ", patch.Files.Select(f => f.Path));
        return GateResult.Pass("scope", strict ? $"only stack-trace files: {names}" : $"C# sources only: {names}");
    }

    public static GateResult Size(PatchSummary patch, int maxChangedLines)
    {
        var changed = patch.ChangedLineCount;
        return changed <= maxChangedLines
            ? GateResult.Pass("size", $"{changed} changed line{(changed == 1 ? "" : "s")} (limit {maxChangedLines})")
            : GateResult.Fail("size", $"{changed} changed lines, over the limit of {maxChangedLines}");
    }

    /// <summary>No package, project or assembly reference, and no script directive that loads one.</summary>
    public static GateResult Dependencies(PatchSummary patch)
    {
        foreach (var file in patch.Files)
        {
            foreach (var line in file.AddedLines)
            {
                if (DependencyPattern().IsMatch(line))
                {
                    return GateResult.Fail("dependencies", $"{file.Path} adds a dependency: {line.Trim()}");
                }
            }
        }

        return GateResult.Pass("dependencies", "no new package, project or assembly reference");
    }

    [GeneratedRegex(@"<\s*(PackageReference|ProjectReference|Reference|PackageVersion|FrameworkReference)\b|^\s*#r\s|Assembly\.Load(From|File)?\s*\(|NativeLibrary\.Load", RegexOptions.IgnoreCase)]
    private static partial Regex DependencyPattern();
}
