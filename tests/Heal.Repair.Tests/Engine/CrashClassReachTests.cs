using Heal.Core.Model;
using Heal.Repair.Engine;
using Heal.Repair.Workspace;

namespace Heal.Repair.Tests.Engine;

/// <summary>
/// The engine end to end (default rule set, from the stack frame) on <see cref="CrashClassCases"/>: a case whose code
/// states the intent is fixed with a patch holding the expected fragment; a case whose code states nothing is declined.
/// </summary>
public sealed class CrashClassReachTests
{
    private const string Project = """
        //- App/App.csproj
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
        </Project>

        """;

    public static TheoryData<CrashClassCase> Cases() => [.. CrashClassCases.All];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Diagnose_CrashClassCase_FixesAsStatedOrDeclines(CrashClassCase crash)
    {
        var diagnosis = await Diagnose(crash);
        var shown = $"{diagnosis.Status} {diagnosis.Confidence:0.00} {diagnosis.FixKind} {diagnosis.DeclineReason}\n{diagnosis.Patch}";
        if (crash.Expected is null || crash.Fixme is not null)
        {
            // FIXME for a case with Fixme: it should be fixed as Expected says; today it is declined (never patched wrongly).
            Assert.True(diagnosis.Status == DiagnosisStatus.Declined, shown);
            return;
        }

        Assert.True(diagnosis.Status == DiagnosisStatus.Diagnosed, shown);
        var added = string.Join('\n', diagnosis.Patch!.Split('\n').Where(l => l.StartsWith('+') && !l.StartsWith("+++", StringComparison.Ordinal)));
        Assert.True(added.Contains(crash.Expected, StringComparison.Ordinal), shown);
    }

    private static async Task<Diagnosis> Diagnose(CrashClassCase crash)
    {
        var (repository, errorEvent) = CrashFixture.Create(Project + crash.Fixture, crash.ExceptionType, crash.Message);
        using var _ = repository;
        return await new RulesDiagnoser(new WorkspaceProvider()).DiagnoseAsync(new RepairRequest(errorEvent, repository.Root), CancellationToken.None);
    }
}
