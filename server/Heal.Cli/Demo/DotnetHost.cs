namespace Heal.Cli.Demo;

/// <summary>The <c>dotnet</c> executable to build and run the sample with: the one running heal when there is one.</summary>
public static class DotnetHost
{
    public static string Path
    {
        get
        {
            var current = Environment.ProcessPath;
            return current is not null && System.IO.Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
        }
    }

    /// <summary>
    /// Settings for a nested build that leaves no process behind: no MSBuild node reuse, no build server, no shared
    /// compiler server (each would outlive the build by minutes).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> BuildEnvironment { get; } = new Dictionary<string, string?>
    {
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
    };

    /// <summary>
    /// Command-line switches with the same purpose as <see cref="BuildEnvironment"/>; <c>-m:1</c> builds in the one process,
    /// which for a small solution is as fast as spawning worker nodes and leaves none to linger.
    /// </summary>
    public static IReadOnlyList<string> BuildSwitches { get; } = ["-m:1", "-nodeReuse:false", "-p:UseSharedCompilation=false"];
}
