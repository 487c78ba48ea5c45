using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Heal.Core.Model;
using Heal.Validation.Dotnet;
using Heal.Validation.Gates;
using Heal.Validation.Git;
using Heal.Validation.Sandbox;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Heal.Validation;

/// <summary>
/// Proves a patch in a worktree Heal creates and always removes: applies, syntax, scope, size, dependencies,
/// build, tests, reproduction, then one confidence. The static gates run first, on the patch text, so a patch
/// that reaches outside its scope is never written anywhere. The user's working tree and index are never read
/// for writing: everything happens in the worktree.
/// A patch no human wrote (<see cref="ValidationRequest.Untrusted"/>: a model's) is built and tested only inside the
/// sandbox (<see cref="BubblewrapSandbox"/>), never with the shared build cache; when there is no sandbox it is checked
/// without being run (build and tests "not run", the report not passed) unless the policy says the user agreed
/// (<see cref="ValidationPolicy.AllowUnsandboxed"/>).
/// </summary>
public sealed partial class PatchValidator
{
    private static readonly string[] s_gateOrder = ["scope", "size", "dependencies", "applies", "syntax", "build", "tests", "reproduction"];
    private readonly Lazy<Task<SandboxChoice>> _sandbox;
    private readonly bool _sandboxEverything;

    /// <summary>
    /// A validator that looks for the sandbox (<c>HEAL_SANDBOX</c>, bwrap on PATH) the first time it meets an untrusted
    /// patch; with <c>HEAL_SANDBOX=always</c> every patch counts as untrusted.
    /// </summary>
    public PatchValidator()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>As <see cref="PatchValidator()"/>, reading <c>HEAL_SANDBOX</c> and PATH through <paramref name="environment"/>.</summary>
    public PatchValidator(Func<string, string?> environment)
        : this(null, environment(SandboxDetector.Variable) == SandboxDetector.Always, environment)
    {
    }

    /// <param name="sandbox">The sandbox for untrusted patches (or the reason there is none); null to detect it.</param>
    /// <param name="sandboxEverything">Build and test every patch in the sandbox, the rules' too (and the repository's own tests with them).</param>
    /// <param name="environment">Reads <c>HEAL_SANDBOX</c> and PATH when <paramref name="sandbox"/> is null (the process environment by default).</param>
    public PatchValidator(SandboxChoice? sandbox, bool sandboxEverything = false, Func<string, string?>? environment = null)
    {
        _sandboxEverything = sandboxEverything;
        _sandbox = new Lazy<Task<SandboxChoice>>(() => sandbox is not null
            ? Task.FromResult(sandbox)
            : SandboxDetector.DetectAsync(environment ?? Environment.GetEnvironmentVariable, CancellationToken.None));
    }

    /// <summary>The sandbox untrusted patches run in, or why there is none.</summary>
    public Task<SandboxChoice> SandboxAsync() => _sandbox.Value;

    /// <summary>
    /// Why <paramref name="request"/>'s patch would not be built or tested (it is untrusted, there is no sandbox and the user
    /// did not agree to run it unsandboxed), or null when it would be.
    /// </summary>
    public async Task<string?> WhyNotRunAsync(ValidationRequest request)
    {
        if (!Untrusted(request) || request.Policy.AllowUnsandboxed || !request.Policy.RunBuild)
        {
            return null;
        }

        var sandbox = await _sandbox.Value;
        return sandbox.Available ? null
            : request.Untrusted ? $"not run: {request.Diagnosis.Diagnoser} wrote this patch, not a person or Heal's rules, and no sandbox is available to build and test it ({sandbox.Why}); review it first"
            : $"not run: {SandboxDetector.Variable}={SandboxDetector.Always} asks for every build in a sandbox, and none is available ({sandbox.Why})";
    }

    private bool Untrusted(ValidationRequest request) => request.Untrusted || _sandboxEverything;

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

        // The release may pick the base only through a tag or a full commit id in HEAD's (or origin's default branch's) history.
        var baseChoice = await TrustedBase.ChooseAsync(request.RepositoryRoot, request.Release, cancellationToken);
        var baseCommit = baseChoice.Commit;
        progress?.Report($"creating a worktree at {baseCommit[..Math.Min(12, baseCommit.Length)]}");
        var stopwatch = Stopwatch.StartNew();
        var workRoot = PrivateDirectory.Ensure(request.Policy.EffectiveWorkRoot);

        // Untrusted code never shares the build cache: its outputs could poison the next validation's build.
        var notRun = await WhyNotRunAsync(request);
        var sandbox = Untrusted(request) && notRun is null && request.Policy.RunBuild ? (await _sandbox.Value).Sandbox : null;
        using var cache = request.Policy.ReuseBuildOutputs && !Untrusted(request) ? await BuildCache.OpenAsync(request.RepositoryRoot, workRoot, cancellationToken) : null;
        await using var worktree = await Worktree.CreateAsync(request.RepositoryRoot, baseCommit, workRoot, cancellationToken, cache?.WorktreePath);
        using var session = sandbox?.CreateSession(worktree.Path, workRoot, request.RepositoryRoot);
        timings["worktree"] = stopwatch.Elapsed.TotalSeconds;

        // Neither the patch nor the regression test may add or change a project file (the scope gate), so the
        // project graph of the base commit is the graph of every state validated below.
        var graph = ProjectGraph.Load(worktree.Path);
        var dotnet = new DotnetRunner(request.Policy, cache?.ArtifactsPath, session);
        var restore = true;
        var prepared = false;

        // The cheapest order for a reproduction: the test alone, built and run on its own (it must fail with the
        // crash); then the patch, one build, and one run of the affected tests that includes the regression test
        // (it must pass). The "after" half costs nothing beyond the normal build and tests gates.
        Reproduction? reproduction = null;
        if (request.RegressionTest is not null && notRun is null)
        {
            if (request.Policy.RunBuild && request.Policy.RunTests)
            {
                progress?.Report("running the regression test without the fix");
                stopwatch.Restart();
                (var gate, reproduction, prepared, restore) = await ReproduceWithoutFixAsync(request, worktree, graph, dotnet, cache, cancellationToken);
                timings["reproduction"] = stopwatch.Elapsed.TotalSeconds;
                if (gate is not null)
                {
                    gates["reproduction"] = gate;
                    if (gate.Status == GateStatus.Failed)
                    {
                        return Finish(request, gates, timings, baseCommit, failureOutput, sandboxed: session is not null);
                    }
                }
            }
            else
            {
                gates["reproduction"] = GateResult.Skip("reproduction", "needs the build and the tests, which the policy switched off");
            }
        }

        if (cache is not null && !prepared)
        {
            await cache.PrepareAsync(worktree.Path, cancellationToken);
            restore = !cache.RestoreIsCurrent;
        }

        stopwatch.Restart();
        gates["applies"] = await ApplyAsync(worktree.Path, request.Patch, workRoot, cancellationToken);
        if (baseChoice.Note is { } note)
        {
            gates["applies"] = gates["applies"] with { Detail = $"{gates["applies"].Detail} ({note})" };
        }

        timings["apply"] = stopwatch.Elapsed.TotalSeconds;
        if (!gates["applies"].Passed)
        {
            return Finish(request, gates, timings, baseCommit, failureOutput, sandboxed: session is not null);
        }

        gates["syntax"] = CheckSyntax(worktree.Path, summary);
        if (!gates["syntax"].Passed)
        {
            return Finish(request, gates, timings, baseCommit, failureOutput, sandboxed: session is not null);
        }

        if (notRun is not null)
        {
            // Checked but not proven: nothing the patch holds has run, and the report does not pass.
            foreach (var name in (string[])["build", "tests", "reproduction"])
            {
                gates[name] = GateResult.Skip(name, notRun);
            }

            return Finish(request, gates, timings, baseCommit, failureOutput, proven: false);
        }

        var owners = summary.Files
            .Select(f => graph.OwnerOf(Path.Combine(worktree.Path, f.Path)))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var testProjects = graph.AffectedTestProjects(owners);
        if (reproduction is not null && !testProjects.Contains(reproduction.Project))
        {
            testProjects = testProjects.Add(reproduction.Project).Sort(StringComparer.Ordinal);
        }

        // Building a test project builds what it references; build an owner on its own only when no test sees it.
        var untested = owners.Where(o => graph.AffectedTestProjects([o]).IsEmpty).ToList();
        StepResult? tests = null;
        if (request.Policy.RunBuild && request.Policy.RunTests && untested.Count == 0 && !testProjects.IsEmpty)
        {
            // Every change is seen by a test project: one `dotnet test` per test project builds and runs it, which
            // saves a process and an evaluation of the projects over a build followed by a test run.
            progress?.Report($"building and running {testProjects.Length} test project(s)");
            stopwatch.Restart();
            tests = await dotnet.TestAsync(worktree.Path, testProjects, filter: null, cancellationToken, build: true, restore: restore);
            timings["build+tests"] = stopwatch.Elapsed.TotalSeconds;
            gates["build"] = tests.Gate.Name == "build" ? tests.Gate
                : tests.Report is null ? GateResult.Skip("build", "not known: the test run gave no results")
                : GateResult.Pass("build", $"{string.Join(", ", testProjects.Select(Path.GetFileNameWithoutExtension))} built");
            if (gates["build"].Status == GateStatus.Failed)
            {
                failureOutput = tests.Output;
                return Finish(request, gates, timings, baseCommit, failureOutput, sandboxed: session is not null);
            }
        }
        else
        {
            if (request.Policy.RunBuild)
            {
                progress?.Report("building the affected projects");
                stopwatch.Restart();
                var build = await dotnet.BuildAsync(worktree.Path, testProjects.Concat(untested).Distinct(StringComparer.Ordinal).ToList(), cancellationToken, restore);
                timings["build"] = stopwatch.Elapsed.TotalSeconds;
                gates["build"] = build.Gate;
                if (!build.Gate.Passed)
                {
                    failureOutput = build.Output;
                    return Finish(request, gates, timings, baseCommit, failureOutput, sandboxed: session is not null);
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
                tests = await dotnet.TestAsync(worktree.Path, testProjects, filter: null, cancellationToken);
                timings["tests"] = stopwatch.Elapsed.TotalSeconds;
            }
        }

        if (cache is not null && gates["build"].Passed)
        {
            // Whatever the tests say, these sources are built: the next validation of this repository starts from here.
            await cache.RecordBuiltAsync(worktree.Path, cancellationToken);
        }

        if (tests is not null)
        {
            if (reproduction is not null && tests.Report is { } report)
            {
                // One run, two gates: the regression test decides the reproduction, the others the tests.
                var regression = report.Where(r => r.IsIn(reproduction.ClassName));
                tests = DotnetRunner.Tests(report.Where(r => !r.IsIn(reproduction.ClassName)), testProjects.Length);
                gates["reproduction"] = ReproductionGate.WithFix(reproduction.ClassName, reproduction.ExceptionName, regression);
                if (gates["reproduction"].Status == GateStatus.Failed)
                {
                    failureOutput = DotnetRunner.Tests(regression, 1).Output;
                }
            }

            gates["tests"] = tests.Gate;
            if (!tests.Gate.Passed)
            {
                failureOutput = tests.Output;
                return Finish(request, gates, timings, baseCommit, failureOutput, sandboxed: session is not null);
            }
        }
        else
        {
            gates["tests"] = GateResult.Skip("tests", "switched off by policy");
        }

        if (!gates.ContainsKey("reproduction"))
        {
            gates["reproduction"] = GateResult.Skip("reproduction", "no regression test could be written from the captured event");
        }

        return Finish(request, gates, timings, baseCommit, failureOutput, sandboxed: session is not null);
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

    /// <summary>
    /// Applies the regression test alone and runs it without the fix. It must fail with the crash's exception;
    /// then it stays in the worktree and the tests after the fix include it. A test that cannot show the crash
    /// (it does not apply or build, passes, or fails for another reason) proves nothing either way: it is removed
    /// and the gate is skipped. Only a test that is not one new file in a test project fails the gate.
    /// </summary>
    /// <returns>
    /// The final gate when the reproduction ends here, else the pending reproduction; whether the build cache was
    /// prepared (it is, once the test is in the worktree); whether a later build still needs a restore.
    /// </returns>
    private static async Task<(GateResult? Gate, Reproduction? Pending, bool Prepared, bool Restore)> ReproduceWithoutFixAsync(
        ValidationRequest request, Worktree worktree, ProjectGraph graph, DotnetRunner dotnet, BuildCache? cache, CancellationToken cancellationToken)
    {
        var summary = PatchSummary.FromDiff(request.RegressionTest!);
        var testFile = summary?.Files.SingleOrDefault();
        if (testFile is null || !testFile.IsNew || !ScopeRules.IsNewTestFile(testFile.Path) || ScopeRules.Forbidden(testFile.Path) is not null)
        {
            return (GateResult.Fail("reproduction", "the regression test must be one new test file"), null, false, true);
        }

        // The class name goes into `dotnet test --filter`: only a plain identifier does.
        var className = Path.GetFileNameWithoutExtension(testFile.Path);
        if (!IdentifierPattern().IsMatch(className))
        {
            return (GateResult.Fail("reproduction", "the regression test's file name is not a C# class name"), null, false, true);
        }

        var fullPath = Path.Combine(worktree.Path, testFile.Path);
        var project = graph.OwnerOf(fullPath);
        if (project is null || !graph.TestProjects.Contains(project))
        {
            return (GateResult.Fail("reproduction", $"{testFile.Path} is not inside a test project"), null, false, true);
        }

        var applied = await ApplyAsync(worktree.Path, request.RegressionTest!, request.Policy.EffectiveWorkRoot, cancellationToken);
        if (!applied.Passed)
        {
            return (GateResult.Skip("reproduction", "the regression test does not apply: " + applied.Detail), null, false, true);
        }

        // Prepared with the test in place, a test validated before (the same crash again) counts as unchanged.
        var restore = true;
        if (cache is not null)
        {
            await cache.PrepareAsync(worktree.Path, cancellationToken);
            restore = !cache.RestoreIsCurrent;
        }

        var exceptionName = ExceptionName(request.CrashExceptionType);
        var before = await dotnet.TestAsync(worktree.Path, [project], $"FullyQualifiedName~{className}.", cancellationToken, build: true, restore: restore);
        var skipped = ReproductionGate.WithoutFix(className, exceptionName, before.Report, before.Gate);
        if (skipped is null)
        {
            return (null, new Reproduction(className, project, exceptionName), cache is not null, false);
        }

        // The test proves nothing about the patch: take it out so the build and tests after the fix are the usual ones.
        File.Delete(fullPath);
        return (skipped, null, cache is not null, restore && before.Report is null);
    }

    /// <summary>The crash's exception type without namespace, e.g. <c>NullReferenceException</c>; null when unknown.</summary>
    private static string? ExceptionName(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        var name = type.Contains('.') ? type[(type.LastIndexOf('.') + 1)..] : type;
        return IdentifierPattern().IsMatch(name) ? name : null;
    }

    /// <param name="proven">False when build and tests were not run (untrusted code and no sandbox): the report does not pass.</param>
    /// <param name="sandboxed">Build and tests ran in the sandbox; their details say so.</param>
    private static ValidationReport Finish(
        ValidationRequest request, Dictionary<string, GateResult> gates, ImmutableDictionary<string, double>.Builder timings,
        string baseCommit, string? failureOutput, bool proven = true, bool sandboxed = false)
    {
        foreach (var name in s_gateOrder.Where(n => !gates.ContainsKey(n)))
        {
            gates[name] = GateResult.Skip(name, "not run: an earlier gate failed");
        }

        if (sandboxed)
        {
            foreach (var name in ((string[])["build", "tests", "reproduction"]).Where(n => gates[n].Status != GateStatus.Skipped))
            {
                gates[name] = gates[name] with { Detail = gates[name].Detail + " (in the sandbox)" };
            }
        }

        var ordered = s_gateOrder.Select(n => gates[n]).ToImmutableArray();
        var passed = proven && ordered.All(g => g.Status != GateStatus.Failed);
        var (confidence, reasons) = ConfidenceScore.Combine(request.Diagnosis, ordered);
        return new ValidationReport(passed, ordered, confidence, reasons, baseCommit,
            passed && gates["reproduction"].Passed ? request.RegressionTest : null, failureOutput, timings.ToImmutable());
    }

    private static string FirstLine(string text) => text.Trim().Split('\n')[0].Trim();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,127}$")]
    private static partial Regex IdentifierPattern();

    /// <summary>A regression test that failed with the crash without the fix; the run after the fix decides the gate.</summary>
    private sealed record Reproduction(string ClassName, string Project, string? ExceptionName);
}
