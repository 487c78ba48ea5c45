using System.Text;
using Heal.Core.Model;
using Heal.Validation.Sandbox;

namespace Heal.Validation.Dotnet;

/// <summary>Runs <c>dotnet build</c> and <c>dotnet test</c> in a worktree and turns the results into gates.</summary>
/// <param name="sandbox">When set, every dotnet process runs inside it (no network, read-only file system but the worktree).</param>
public sealed class DotnetRunner(ValidationPolicy policy, string? artifactsPath = null, SandboxSession? sandbox = null)
{
    private const long MaxTrxBytes = 64L * 1024 * 1024;

    /// <param name="restore">False once the projects' restore is known to be current (see <see cref="BuildCache.RestoreIsCurrent"/>).</param>
    public async Task<StepResult> BuildAsync(string worktree, IReadOnlyList<string> projects, CancellationToken cancellationToken, bool restore = true)
    {
        if (projects.Count == 0)
        {
            return new StepResult(GateResult.Skip("build", "the change is in no C# project"), "", null);
        }

        var output = new StringBuilder();
        foreach (var project in projects)
        {
            var result = await RunAsync(["build", project, "-nologo", "-v", "q", "-clp:NoSummary", .. ServerArguments()], restore,
                worktree, policy.EffectiveBuildTimeout, cancellationToken);
            if (!result.Succeeded)
            {
                var errors = result.StandardOutput.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().ToList();
                output.Append(result.StandardOutput).Append(result.StandardError);
                var gate = result.TimedOut
                    ? GateResult.Fail("build", $"{Relative(worktree, project)}: timed out after {policy.EffectiveBuildTimeout.TotalSeconds:0}s")
                    : errors.Count == 0 ? GateResult.Fail("build", $"{Relative(worktree, project)}: {Shorten(result.Tail(1), worktree)}")
                    : BuildFailure(worktree, project, errors);
                return new StepResult(gate, output.ToString(), null);
            }
        }

        return new StepResult(GateResult.Pass("build", $"{string.Join(", ", projects.Select(p => Path.GetFileNameWithoutExtension(p)))} built"), "", null);
    }

    /// <param name="build">Build before testing, in the same process (cheaper than a separate build when nothing else needs one).</param>
    /// <param name="restore">False once the projects' restore is known to be current.</param>
    public async Task<StepResult> TestAsync(
        string worktree, IReadOnlyList<string> projects, string? filter, CancellationToken cancellationToken, bool build = false, bool restore = true)
    {
        if (projects.Count == 0)
        {
            return new StepResult(GateResult.Skip("tests", "no test project references the changed code"), "", TrxReport.Empty);
        }

        var results = Path.Combine(sandbox?.ResultsRoot ?? policy.EffectiveWorkRoot, "trx-" + Guid.NewGuid().ToString("N")[..12]);
        var report = TrxReport.Empty;
        var output = new StringBuilder();
        try
        {
            foreach (var project in projects)
            {
                List<string> arguments = ["test", project, "-nologo", "--logger", "trx;LogFileName=results.trx", "--results-directory", results, .. ServerArguments()];
                if (!build)
                {
                    arguments.Add("--no-build");
                }

                if (filter is not null)
                {
                    arguments.AddRange(["--filter", filter]);
                }

                var result = await RunAsync(arguments, restore || !build, worktree, policy.EffectiveTestTimeout, cancellationToken);
                var trxFile = Path.Combine(results, "results.trx");
                var trx = IsPlainFile(trxFile) ? TrxReport.Parse(await File.ReadAllTextAsync(trxFile, cancellationToken)) : null;
                if (File.Exists(trxFile))
                {
                    File.Delete(trxFile);
                }

                if (trx is null)
                {
                    output.Append(result.StandardOutput).Append(result.StandardError);
                    var errors = result.StandardOutput.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().ToList();
                    if (build && !result.TimedOut && errors.Count > 0)
                    {
                        return new StepResult(BuildFailure(worktree, project, errors), output.ToString(), null);
                    }

                    var why = result.TimedOut ? $"timed out after {policy.EffectiveTestTimeout.TotalSeconds:0}s" : "no test results: " + Shorten(result.Tail(1), worktree);
                    return new StepResult(GateResult.Fail("tests", $"{Path.GetFileNameWithoutExtension(project)}: {why}"), output.ToString(), null);
                }

                report = report.Add(trx);
            }
        }
        finally
        {
            SafeDelete.Directory(results);
        }

        return Tests(report, projects.Count);
    }

    private static GateResult BuildFailure(string worktree, string project, List<string> errors) =>
        GateResult.Fail("build", $"{Relative(worktree, project)}: {errors.Count} error(s); first: {Shorten(errors[0], worktree)}");

    /// <summary>The tests gate for <paramref name="report"/>: failed when a test failed, with the failures as output for a retry.</summary>
    public static StepResult Tests(TrxReport report, int projectCount)
    {
        if (report.Failed > 0)
        {
            var output = new StringBuilder();
            foreach (var failure in report.Failures)
            {
                output.Append("FAILED ").Append(failure.Name).Append(": ").Append(failure.Message).Append('\n').Append(failure.StackTrace).Append('\n');
            }

            var first = report.Failures[0];
            return new StepResult(GateResult.Fail("tests", $"{report.Failed} of {report.Total} failed; first: {first.Name}: {first.Message}"), output.ToString(), report);
        }

        return report.Total == 0
            ? new StepResult(GateResult.Skip("tests", "the affected test projects hold no test"), "", report)
            : new StepResult(GateResult.Pass("tests", $"{report.Passed} passed in {projectCount} affected test project{(projectCount == 1 ? "" : "s")}"), "", report);
    }

    /// <summary>
    /// Runs dotnet, with <c>--no-restore</c> when <paramref name="restore"/> is false; if the restore turns out to be
    /// missing after all (NETSDK1004, no assets file), runs once more with it.
    /// </summary>
    private async Task<ProcessResult> RunAsync(List<string> arguments, bool restore, string worktree, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!restore)
        {
            var result = await StartAsync([.. arguments, "--no-restore"], worktree, timeout, cancellationToken);
            if (!result.StandardOutput.Contains("NETSDK1004", StringComparison.Ordinal) && !result.StandardError.Contains("NETSDK1004", StringComparison.Ordinal))
            {
                return result;
            }
        }

        return await StartAsync(arguments, worktree, timeout, cancellationToken);
    }

    private Task<ProcessResult> StartAsync(List<string> arguments, string worktree, TimeSpan timeout, CancellationToken cancellationToken) =>
        sandbox is null
            ? ProcessRunner.RunAsync("dotnet", arguments, worktree, timeout, null, cancellationToken)
            // The sandbox has no network: NuGet's vulnerability audit could only fail (and warnings may be errors there).
            : sandbox.RunAsync("dotnet", [.. arguments, "-p:NuGetAudit=false"], timeout, cancellationToken);

    /// <summary>A regular file of sane size: sandboxed code may leave a link to somewhere else, or something huge, in its place.</summary>
    private static bool IsPlainFile(string path)
    {
        var info = new FileInfo(path);
        return info.Exists && info.LinkTarget is null && info.Length <= MaxTrxBytes;
    }

    private IEnumerable<string> ServerArguments()
    {
        if (!policy.UseBuildServers || sandbox is not null)
        {
            yield return "--disable-build-servers";
        }

        if (artifactsPath is not null)
        {
            yield return "--artifacts-path";
            yield return artifactsPath;
        }
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static string Shorten(string line, string worktree) =>
        line.Replace(worktree + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal).Trim();
}
