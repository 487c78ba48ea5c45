using System.Text.RegularExpressions;

namespace Heal.Validation.Gates;

/// <summary>
/// Which repository paths a patch may touch. Pure: decided from the path text alone, before anything is
/// written. CI configuration, build scripts, project and package files are never in scope, whatever the
/// policy; event data can never widen the allowed set (it is computed from linked frames, not from the event).
/// </summary>
public static partial class ScopeRules
{
    /// <summary>A reason the path is never patchable, or null when it may be.</summary>
    public static string? Forbidden(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "an empty path";
        }

        if (path.Contains('\0') || path.Contains('\\') || path.StartsWith('/') || DrivePattern().IsMatch(path))
        {
            return "an absolute or non-portable path";
        }

        var segments = path.Split('/');
        if (segments.Any(s => s is ".." or "." or ""))
        {
            return "a path that leaves the repository";
        }

        var name = segments[^1].ToLowerInvariant();
        var first = segments[0].ToLowerInvariant();
        if (first is ".git" or ".github" or ".gitlab" or ".circleci" or ".azure-pipelines" or ".ci" or ".devcontainer" or ".vscode"
            || name is ".gitlab-ci.yml" or "azure-pipelines.yml" or "jenkinsfile" or ".travis.yml" or "bitbucket-pipelines.yml" or "appveyor.yml")
        {
            return "CI configuration";
        }

        if (name.EndsWith(".csproj", StringComparison.Ordinal) || name.EndsWith(".fsproj", StringComparison.Ordinal)
            || name.EndsWith(".vbproj", StringComparison.Ordinal) || name.EndsWith(".sln", StringComparison.Ordinal)
            || name.EndsWith(".slnx", StringComparison.Ordinal) || name.EndsWith(".props", StringComparison.Ordinal)
            || name.EndsWith(".targets", StringComparison.Ordinal) || name is "packages.config" or "nuget.config" or "global.json"
            || name is "package.json" or "package-lock.json" or "dotnet-tools.json")
        {
            return "a project or package file";
        }

        if (name.EndsWith(".sh", StringComparison.Ordinal) || name.EndsWith(".ps1", StringComparison.Ordinal)
            || name.EndsWith(".cmd", StringComparison.Ordinal) || name.EndsWith(".bat", StringComparison.Ordinal)
            || name is "makefile" or "build.cake" or "dockerfile" or "build.fsx")
        {
            return "a build script";
        }

        return null;
    }

    /// <summary>A new C# file under a test folder or named like a test: the only files a patch may add.</summary>
    public static bool IsNewTestFile(string path) =>
        path.EndsWith(".cs", StringComparison.Ordinal)
        && (path.Split('/').Any(s => s.Equals("tests", StringComparison.OrdinalIgnoreCase) || s.Equals("test", StringComparison.OrdinalIgnoreCase)
                || s.EndsWith(".Tests", StringComparison.OrdinalIgnoreCase))
            || path.EndsWith("Tests.cs", StringComparison.Ordinal));

    [GeneratedRegex(@"^[A-Za-z]:")]
    private static partial Regex DrivePattern();
}
