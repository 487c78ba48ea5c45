using System.Text;
using Heal.Core.Model;

namespace Heal.Validation.Dotnet;

/// <summary>Runs <c>dotnet build</c> and <c>dotnet test</c> in a worktree and turns the results into gates.</summary>
public sealed class DotnetRunner(ValidationPolicy policy, string? artifactsPath = null)
{
    public async Task<StepResult> BuildAsync(string worktree, IReadOnlyList<string> projects, CancellationToken cancellationToken)
    {
        if (projects.Count == 0)
        {
            return new StepResult(GateResult.Skip("build", "the change is in no C# project"), "", null);
        }

        var output = new StringBuilder();
        foreach (var project in projects)
        {
            var result = await ProcessRunner.RunAsync("dotnet", ["build", project, "-nologo", "-v", "q", "-clp:NoSummary", .. ServerArguments()],
                worktree, policy.EffectiveBuildTimeout, null, cancellationToken);
            if (!result.Succeeded)
            {
                var errors = result.StandardOutput.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().ToList();
                output.Append(result.StandardOutput).Append(result.StandardError);
                var detail = result.TimedOut
                    ? $"{Relative(worktree, project)}: timed out after {policy.EffectiveBuildTimeout.TotalSeconds:0}s"
                    : $"{Relative(worktree, project)}: {errors.Count} error(s); first: {Shorten(errors.FirstOrDefault() ?? result.Tail(1), worktree)}";
                return new StepResult(GateResult.Fail("build", detail), output.ToString(), null);
            }
        }

        return new StepResult(GateResult.Pass("build", $"{string.Join(", ", projects.Select(p => Path.GetFileNameWithoutExtension(p)))} built"), "", null);
    }

    public async Task<StepResult> TestAsync(string worktree, IReadOnlyList<string> projects, string? filter, CancellationToken cancellationToken, bool build = false)
    {
        if (projects.Count == 0)
        {
            return new StepResult(GateResult.Skip("tests", "no test project references the changed code"), "", TrxReport.Empty);
        }

        var results = Path.Combine(Git.Worktree.TemporaryRoot, "trx-" + Guid.NewGuid().ToString("N")[..12]);
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

                var result = await ProcessRunner.RunAsync("dotnet", arguments, worktree, policy.EffectiveTestTimeout, null, cancellationToken);
                var trxFile = Path.Combine(results, "results.trx");
                var trx = File.Exists(trxFile) ? TrxReport.Parse(await File.ReadAllTextAsync(trxFile, cancellationToken)) : null;
                if (File.Exists(trxFile))
                {
                    File.Delete(trxFile);
                }

                if (trx is null)
                {
                    output.Append(result.StandardOutput).Append(result.StandardError);
                    var why = result.TimedOut ? $"timed out after {policy.EffectiveTestTimeout.TotalSeconds:0}s" : "no test results: " + Shorten(result.Tail(1), worktree);
                    return new StepResult(GateResult.Fail("tests", $"{Path.GetFileNameWithoutExtension(project)}: {why}"), output.ToString(), report);
                }

                report = report.Add(trx);
            }
        }
        finally
        {
            if (Directory.Exists(results))
            {
                Directory.Delete(results, recursive: true);
            }
        }

        if (report.Failed > 0)
        {
            foreach (var failure in report.Failures)
            {
                output.Append("FAILED ").Append(failure.Name).Append(": ").Append(failure.Message).Append('\n').Append(failure.StackTrace).Append('\n');
            }

            var first = report.Failures[0];
            return new StepResult(GateResult.Fail("tests", $"{report.Failed} of {report.Total} failed; first: {first.Name}: {first.Message}"), output.ToString(), report);
        }

        return report.Total == 0
            ? new StepResult(GateResult.Skip("tests", "the affected test projects hold no test"), "", report)
            : new StepResult(GateResult.Pass("tests", $"{report.Passed} passed in {projects.Count} affected test project{(projects.Count == 1 ? "" : "s")}"), "", report);
    }

    private IEnumerable<string> ServerArguments()
    {
        if (!policy.UseBuildServers)
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
