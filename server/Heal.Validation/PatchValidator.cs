using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Heal.Core.Model;
using Heal.Validation.Dotnet;
using Heal.Validation.Gates;
using Heal.Validation.Git;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Heal.Validation;

/// <summary>
/// Proves a patch in a worktree Heal creates and always removes: applies, syntax, scope, size, dependencies,
/// build, tests, reproduction, then one confidence. The static gates run first, on the patch text, so a patch
/// that reaches outside its scope is never written anywhere. The user's working tree and index are never read
/// for writing: everything happens in the worktree.
/// </summary>
public sealed partial class PatchValidator
{
    private static readonly string[] s_gateOrder = ["scope", "size", "dependencies", "applies", "syntax", "build", "tests", "reproduction"];

    public async Task<ValidationReport> ValidateAsync(ValidationRequest request, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var gates = new Dictionary<string, GateResult>(StringComparer.Ordinal);
        var timings = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        string? failureOutput = null;

        var summary = PatchSummary.FromDiff(request.Patch);
        if (summary is null)
        {
            gates["applies"] = GateResult.Fail("applies", "the patch is not a readable unified diff");
            return Finish(request, gates, timings, "", failureOutput);
        }

        gates["scope"] = StaticGates.Scope(summary, request.AllowedFiles, request.Policy.StrictScope);
        gates["size"] = StaticGates.Size(summary, request.Policy.MaxChangedLines);
        gates["dependencies"] = StaticGates.Dependencies(summary);
        if (gates.Values.Any(g => !g.Passed))
        {
            return Finish(request, gates, timings, "", failureOutput);
        }

        var baseCommit = await ResolveBaseCommitAsync(request.RepositoryRoot, request.Release, cancellationToken);
        progress?.Report($"creating a worktree at {baseCommit[..Math.Min(12, baseCommit.Length)]}");
        var stopwatch = Stopwatch.StartNew();
        var workRoot = request.Policy.EffectiveWorkRoot;
        using var cache = request.Policy.ReuseBuildOutputs ? await BuildCache.OpenAsync(request.RepositoryRoot, workRoot, cancellationToken) : null;
        await using var worktree = await Worktree.CreateAsync(request.RepositoryRoot, baseCommit, workRoot, cancellationToken, cache?.WorktreePath);
        timings["worktree"] = stopwatch.Elapsed.TotalSeconds;

        stopwatch.Restart();
        gates["applies"] = await ApplyAsync(worktree.Path, request.Patch, workRoot, cancellationToken);
        timings["apply"] = stopwatch.Elapsed.TotalSeconds;
        if (!gates["applies"].Passed)
        {
            return Finish(request, gates, timings, baseCommit, failureOutput);
        }

        gates["syntax"] = CheckSyntax(worktree.Path, summary);
        if (!gates["syntax"].Passed)
        {
            return Finish(request, gates, timings, baseCommit, failureOutput);
        }

        var graph = ProjectGraph.Load(worktree.Path);
        var owners = summary.Files
            .Select(f => graph.OwnerOf(Path.Combine(worktree.Path, f.Path)))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var testProjects = graph.AffectedTestProjects(owners);
        var dotnet = new DotnetRunner(request.Policy, cache?.ArtifactsPath);
        if (cache is not null)
        {
            await cache.PrepareAsync(worktree.Path, cancellationToken);
        }

        if (request.Policy.RunBuild)
        {
            progress?.Report("building the affected projects");
            stopwatch.Restart();
            // Building a test project builds what it references; build an owner on its own only when no test sees it.
            var toBuild = testProjects.Concat(owners.Where(o => graph.AffectedTestProjects([o]).IsEmpty)).Distinct(StringComparer.Ordinal).ToList();
            var build = await dotnet.BuildAsync(worktree.Path, toBuild, cancellationToken);
            timings["build"] = stopwatch.Elapsed.TotalSeconds;
            gates["build"] = build.Gate;
            if (!build.Gate.Passed)
            {
                failureOutput = build.Output;
                return Finish(request, gates, timings, baseCommit, failureOutput);
            }

            if (cache is not null && build.Gate.Status == GateStatus.Passed)
            {
                await cache.RecordBuiltAsync(worktree.Path, cancellationToken);
            }
        }
        else
        {
            gates["build"] = GateResult.Skip("build", "switched off by policy");
        }

        if (request.Policy.RunTests && request.Policy.RunBuild)
        {
            progress?.Report(testProjects.IsEmpty ? "no test project sees the change" : $"running {testProjects.Length} test project(s)");
            stopwatch.Restart();
            var tests = await dotnet.TestAsync(worktree.Path, testProjects, filter: null, cancellationToken);
            timings["tests"] = stopwatch.Elapsed.TotalSeconds;
            gates["tests"] = tests.Gate;
            if (!tests.Gate.Passed)
            {
                failureOutput = tests.Output;
                return Finish(request, gates, timings, baseCommit, failureOutput);
            }
        }
        else
        {
            gates["tests"] = GateResult.Skip("tests", "switched off by policy");
        }

        gates["reproduction"] = request.RegressionTest is null
            ? GateResult.Skip("reproduction", "no regression test could be written from the captured event")
            : await ReproduceAsync(request, worktree, graph, dotnet, cache, timings, cancellationToken);

        return Finish(request, gates, timings, baseCommit, failureOutput);
    }

    private static async Task<string> ResolveBaseCommitAsync(string repository, string? release, CancellationToken cancellationToken)
    {
        // The release is untrusted: only a plain revision name is ever handed to git, after --end-of-options.
        if (release is not null && RevisionPattern().IsMatch(release))
        {
            var result = await GitCli.TryRunAsync(repository, ["rev-parse", "--verify", "--quiet", "--end-of-options", release + "^{commit}"], cancellationToken);
            if (result.Succeeded)
            {
                return result.StandardOutput.Trim();
            }
        }

        return await GitCli.RunAsync(repository, ["rev-parse", "--verify", "HEAD^{commit}"], cancellationToken);
    }

    private static async Task<GateResult> ApplyAsync(string worktree, string patch, string workRoot, CancellationToken cancellationToken)
    {
        var patchFile = Path.Combine(workRoot, Guid.NewGuid().ToString("N") + ".patch");
        await File.WriteAllTextAsync(patchFile, patch.EndsWith('\n') ? patch : patch + "\n", cancellationToken);
        try
        {
            var check = await GitCli.TryRunAsync(worktree, ["apply", "--check", "--whitespace=nowarn", patchFile], cancellationToken);
            if (!check.Succeeded)
            {
                return GateResult.Fail("applies", "git apply --check: " + FirstLine(check.StandardError + check.StandardOutput));
            }

            await GitCli.RunAsync(worktree, ["apply", "--whitespace=nowarn", patchFile], cancellationToken);
            return GateResult.Pass("applies", "applies cleanly with git apply");
        }
        finally
        {
            File.Delete(patchFile);
        }
    }

    private static GateResult CheckSyntax(string worktree, PatchSummary summary)
    {
        var checkedFiles = 0;
        foreach (var file in summary.Files.Where(f => f.Path.EndsWith(".cs", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(Path.Combine(worktree, file.Path));
            var error = CSharpSyntaxTree.ParseText(text, path: file.Path)
                .GetDiagnostics()
                .FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
            if (error is not null)
            {
                var line = error.Location.GetLineSpan().StartLinePosition.Line + 1;
                return GateResult.Fail("syntax", $"{file.Path}:{line}: {error.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
            }

            checkedFiles++;
        }

        return GateResult.Pass("syntax", checkedFiles == 1 ? "1 C# file parses without errors" : $"{checkedFiles} C# files parse without errors");
    }

    private static async Task<GateResult> ReproduceAsync(
        ValidationRequest request, Worktree worktree, ProjectGraph graph, DotnetRunner dotnet, BuildCache? cache,
        ImmutableDictionary<string, double>.Builder timings, CancellationToken cancellationToken)
    {
        if (cache is not null)
        {
            // The regression test and the reverse patch change sources between builds: the record is written
            // again only once they are all built.
            await cache.PrepareAsync(worktree.Path, cancellationToken);
        }

        var summary = PatchSummary.FromDiff(request.RegressionTest!);
        var testFile = summary?.Files.SingleOrDefault();
        if (testFile is null || !testFile.IsNew || !ScopeRules.IsNewTestFile(testFile.Path))
        {
            return GateResult.Fail("reproduction", "the regression test must be one new test file");
        }

        var stopwatch = Stopwatch.StartNew();
        var applied = await ApplyAsync(worktree.Path, request.RegressionTest!, request.Policy.EffectiveWorkRoot, cancellationToken);
        if (!applied.Passed)
        {
            return GateResult.Fail("reproduction", "the regression test does not apply: " + applied.Detail);
        }

        var project = graph.OwnerOf(Path.Combine(worktree.Path, testFile.Path));
        if (project is null || !graph.TestProjects.Contains(project))
        {
            return GateResult.Fail("reproduction", $"{testFile.Path} is not inside a test project");
        }

        var className = Path.GetFileNameWithoutExtension(testFile.Path);
        var after = await dotnet.TestAsync(worktree.Path, [project], $"FullyQualifiedName~{className}", cancellationToken, build: true);

        // Then the same test without the fix: reverse the patch in the worktree and run it again.
        var patchFile = Path.Combine(request.Policy.EffectiveWorkRoot, Guid.NewGuid().ToString("N") + ".patch");
        await File.WriteAllTextAsync(patchFile, request.Patch.EndsWith('\n') ? request.Patch : request.Patch + "\n", cancellationToken);
        ProcessResult reverse;
        try
        {
            reverse = await GitCli.TryRunAsync(worktree.Path, ["apply", "--reverse", "--whitespace=nowarn", patchFile], cancellationToken);
        }
        finally
        {
            File.Delete(patchFile);
        }

        var before = reverse.Succeeded
            ? await dotnet.TestAsync(worktree.Path, [project], $"FullyQualifiedName~{className}", cancellationToken, build: true)
            : null;
        timings["reproduction"] = stopwatch.Elapsed.TotalSeconds;
        if (cache is not null && before is { Report: not null })
        {
            await cache.RecordBuiltAsync(worktree.Path, cancellationToken);
        }

        if (before is null)
        {
            return GateResult.Fail("reproduction", "could not remove the fix to run the test without it");
        }

        var failedBefore = before.Report is { Failed: > 0 };
        var passedAfter = after.Gate.Passed && after.Report is { Total: > 0, Failed: 0 };
        return (failedBefore, passedAfter) switch
        {
            (true, true) => GateResult.Pass("reproduction", $"{className} fails without the fix and passes with it"),
            (false, _) => GateResult.Fail("reproduction", $"{className} passes without the fix: it does not reproduce the crash"),
            _ => GateResult.Fail("reproduction", $"{className} fails with the fix: {after.Gate.Detail}"),
        };
    }

    private static ValidationReport Finish(
        ValidationRequest request, Dictionary<string, GateResult> gates, ImmutableDictionary<string, double>.Builder timings,
        string baseCommit, string? failureOutput)
    {
        foreach (var name in s_gateOrder.Where(n => !gates.ContainsKey(n)))
        {
            gates[name] = GateResult.Skip(name, "not run: an earlier gate failed");
        }

        var ordered = s_gateOrder.Select(n => gates[n]).ToImmutableArray();
        var passed = ordered.All(g => g.Status != GateStatus.Failed);
        var (confidence, reasons) = ConfidenceScore.Combine(request.Diagnosis, ordered);
        return new ValidationReport(passed, ordered, confidence, reasons, baseCommit,
            passed && gates["reproduction"].Passed ? request.RegressionTest : null, failureOutput, timings.ToImmutable());
    }

    private static string FirstLine(string text) => text.Trim().Split('\n')[0].Trim();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._/+-]{0,127}$")]
    private static partial Regex RevisionPattern();
}
