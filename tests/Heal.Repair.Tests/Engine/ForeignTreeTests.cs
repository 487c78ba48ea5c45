using System.Collections.Immutable;
using Heal.Core.Model;
using Heal.Repair.Engine;
using Heal.Repair.Rules;
using Heal.Repair.Workspace;

namespace Heal.Repair.Tests.Engine;

/// <summary>
/// Null crashes whose evidence lives in another file or another project of the solution: the rules must ask the semantic
/// model of the node's own tree (a model asked about a foreign node throws "Syntax node is not within syntax tree"), and
/// whatever a rule does wrong must come back as a decline naming the rule, never as a failed command.
/// </summary>
public sealed class ForeignTreeTests
{
    private const string NullReference = "System.NullReferenceException";

    // The member dereferenced is declared in another file, initialised by a call: reading whether it can be null binds that call.
    private const string TwoFiles = """
        //- App/App.csproj
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <Nullable>enable</Nullable>
          </PropertyGroup>
        </Project>
        //- App/Parcel.cs
        namespace App;

        public sealed class Sender
        {
            public string Town { get; set; } = "";
        }

        public static class Senders
        {
            public static Sender Unknown() => new Sender();
        }

        public sealed class Parcel
        {
            public Sender Sender { get; set; } = Senders.Unknown();
        }
        //- App/Labels.cs
        namespace App;

        public static class Labels
        {
            public static string Origin(Parcel parcel)
            {
                return parcel.Sender.Town.ToUpperInvariant(); // <- throws
            }
        }
        """;

    // The same shape across projects: the type and its initialiser are in a library the application references.
    private const string TwoProjects = """
        //- Ward.Domain/Ward.Domain.csproj
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <Nullable>enable</Nullable>
          </PropertyGroup>
        </Project>
        //- Ward.Domain/Bed.cs
        namespace Ward.Domain;

        public sealed class Nurse
        {
            public string Initials { get; set; } = "";
        }

        public static class Nurses
        {
            /// <summary>The nurse on call, or null at night when nobody is rostered.</summary>
            public static Nurse? OnCall() => null;
        }

        public sealed class Bed
        {
            public Nurse Nurse { get; set; } = Nurses.OnCall()!;

            public Nurse? Relief { get; set; }
        }
        //- Ward.Board/Ward.Board.csproj
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
            <ProjectReference Include="../Ward.Domain/Ward.Domain.csproj" />
          </ItemGroup>
        </Project>
        //- Ward.Board/BoardLine.cs
        using Ward.Domain;

        namespace Ward.Board;

        public static class BoardLine
        {
            public static string For(Bed bed)
            {
                return bed.Nurse.Initials + "/" + bed.Relief.Initials; // <- throws
            }
        }
        """;

    [Fact]
    public async Task Diagnose_NullMemberDeclaredInAnotherFile_AnswersWithoutFailing()
    {
        var diagnosis = await Diagnose(TwoFiles, NullReference);

        AssertAnswered(diagnosis);
    }

    [Fact]
    public async Task Diagnose_NullMemberDeclaredInAnotherProject_AnswersWithoutFailing()
    {
        var diagnosis = await Diagnose(TwoProjects, NullReference);

        AssertAnswered(diagnosis);
    }

    [Fact]
    public async Task Diagnose_RuleAnswerTheEngineCannotUse_DeclinesNamingTheRule()
    {
        // A rule bug that surfaces only after Apply returns (edits never initialised) must still be a decline, not a thrown command.
        var broken = new ScriptedRule("broken", _ => RuleResult.Fix("cause", "why", "kind", 0.5, default, [], []));

        var diagnosis = await Diagnose(TwoFiles, NullReference, [broken]);

        Assert.Equal(DiagnosisStatus.Declined, diagnosis.Status);
        Assert.Equal("rules/broken", diagnosis.Diagnoser);
        Assert.StartsWith("the rule broken failed: ", diagnosis.DeclineReason, StringComparison.Ordinal);
    }

    private static void AssertAnswered(Diagnosis diagnosis)
    {
        Assert.StartsWith("rules/null-reference", diagnosis.Diagnoser, StringComparison.Ordinal);
        Assert.DoesNotContain("failed", diagnosis.DeclineReason ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("syntax tree", diagnosis.DeclineReason ?? "", StringComparison.Ordinal);
    }

    private static async Task<Diagnosis> Diagnose(string fixture, string exceptionType, ImmutableArray<ICrashRule>? rules = null)
    {
        var (repository, errorEvent) = CrashFixture.Create(fixture, exceptionType, "Object reference not set to an instance of an object.");
        using var _ = repository;
        return await new RulesDiagnoser(new WorkspaceProvider(), rules).DiagnoseAsync(new RepairRequest(errorEvent, repository.Root), CancellationToken.None);
    }
}
