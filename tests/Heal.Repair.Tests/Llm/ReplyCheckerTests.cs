using Heal.Core.Diffs;
using Heal.Core.Model;
using Heal.Repair.Llm;

namespace Heal.Repair.Tests.Llm;

/// <summary>The pure half of the diagnoser: reading the model's JSON and checking its patch against the repository.</summary>
public sealed class ReplyCheckerTests
{
    [Theory]
    [InlineData("```json\n{\"rootCause\": \"r\", \"patch\": \"p\", \"confidence\": 0.7, \"fixKind\": \"null-guard\", \"decline\": null}\n```", "r|p|0.7|null-guard|")]
    [InlineData("Here you go:\n{\"root_cause\": \"r\", \"diff\": \"p\", \"confidence\": \"0.25\", \"fix_kind\": \"k\",}", "r|p|0.25|k|")]
    [InlineData("{\"rootCause\": \"r\", \"patch\": \"\", \"confidence\": 2, \"decline\": \"unclear\"}", "r||2||unclear")]
    [InlineData("{\"rootCause\": null, \"patch\": null, \"decline\": \"null\"}", "||||")]
    public void Parse_TolerableReply_ReadsFields(string text, string expected)
    {
        var reply = LlmReply.Parse(text, out var error);

        Assert.True(reply is not null, error);
        Assert.Equal(expected, $"{reply.RootCause}|{reply.Patch}|{reply.Confidence?.ToString(System.Globalization.CultureInfo.InvariantCulture)}|{reply.FixKind}|{reply.Decline}");
    }

    [Theory]
    [InlineData("I cannot help with that.", "no JSON object in the reply (it starts with \"I cannot help with that.\")")]
    [InlineData("{\"rootCause\": \"r\", \"patch\": ", "Expected depth to be zero")]
    [InlineData("[1, 2]", "no JSON object in the reply")]
    [InlineData("   ", "the reply was empty")]
    public void Parse_Malformed_ReturnsNullWithError(string text, string errorContains)
    {
        Assert.Null(LlmReply.Parse(text, out var error));
        Assert.Contains(errorContains, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.8, "+0.80 the model's own estimate;-0.10 model-reported confidence is not calibrated;+0.05 the patch changes code at the throwing line", 0.75)]
    [InlineData(7.0, "+1.00 the model reported 7, clamped into [0,1];-0.10 model-reported confidence is not calibrated;+0.05 the patch changes code at the throwing line", 0.95)]
    [InlineData(-3.0, "+0.00 the model reported -3, clamped into [0,1];-0.10 model-reported confidence is not calibrated;+0.05 the patch changes code at the throwing line", 0.0)]
    [InlineData(null, "+0.50 the model gave no confidence; starting from 0.5;-0.10 model-reported confidence is not calibrated;+0.05 the patch changes code at the throwing line", 0.45)]
    public void Check_ModelConfidence_IsClampedAndDiscounted(double? reported, string reasons, double expected)
    {
        var diagnosis = Check(new LlmReply("cause", CrashRepository.GoodPatch, reported, "Try Get Value!", null));

        Assert.Equal(DiagnosisStatus.Diagnosed, diagnosis.Status);
        Assert.Equal(reasons, string.Join(";", diagnosis.Reasons));
        Assert.Equal(expected, diagnosis.Confidence, precision: 6);
        Assert.Equal("try-get-value", diagnosis.FixKind);
    }

    [Theory]
    [InlineData("diff --git a/src/Shop/OrderService.cs b/src/Shop/Renamed.cs\n--- a/src/Shop/OrderService.cs\n+++ b/src/Shop/Renamed.cs\n@@ -1,1 +1,1 @@\n-namespace Shop;\n+namespace Shop2;\n", "renames 'src/Shop/OrderService.cs' to 'src/Shop/Renamed.cs'")]
    [InlineData("--- /dev/null\n+++ b/src/Shop/New.cs\n@@ -0,0 +1,1 @@\n+class New {}\n", "creates or deletes 'src/Shop/New.cs'")]
    [InlineData("--- a/src/Shop/OrderService.cs\n+++ b/src/Shop/OrderService.cs\n@@ -1,3 +1,3 @@\n-namespace Shop;\n+namespace Shop2;\n", "the model's patch is not a unified diff: line 3: Hunk @@ -1,3 +1,3 @@ does not match its line counts")]
    [InlineData("--- a/src\\Shop\\OrderService.cs\n+++ b/src\\Shop\\OrderService.cs\n@@ -1,1 +1,1 @@\n-namespace Shop;\n+namespace Shop2;\n", "is not a repository-relative path with forward slashes")]
    [InlineData("--- a/.git/config\n+++ b/.git/config\n@@ -1,1 +1,1 @@\n-x\n+y\n", "is inside .git")]
    [InlineData("--- a/src/Shop/OrderService.cs\n+++ b/src/Shop/OrderService.cs\n@@ -1,1 +1,1 @@\n-namespace Shop;\n+namespace Shop;\n", "does not change src/Shop/OrderService.cs")]
    public void Check_UnacceptablePatch_Declines(string patch, string reasonContains)
    {
        var diagnosis = Check(new LlmReply("cause", patch, 0.9, "k", null));

        Assert.Equal(DiagnosisStatus.Declined, diagnosis.Status);
        Assert.Contains(reasonContains, diagnosis.DeclineReason, StringComparison.Ordinal);
        Assert.Equal("cause", diagnosis.RootCause);
    }

    [Fact]
    public void Check_HunkShiftedByOffset_AppliesLikeGit()
    {
        var shifted = CrashRepository.GoodPatch.Replace("@@ -7,6 +7,9 @@", "@@ -5,6 +5,9 @@", StringComparison.Ordinal);

        var diagnosis = Check(new LlmReply("cause", shifted, 0.6, "try-get-value", null));

        Assert.Equal(DiagnosisStatus.Diagnosed, diagnosis.Status);
    }

    [Fact]
    public void Check_ReplyWithProseAroundTheDiff_ReturnsAGitDiffThatProducesTheFix()
    {
        var diagnosis = Check(new LlmReply("cause", "Here is the patch:\n" + CrashRepository.GoodPatch + "\nThis handles missing ids.", 0.7, "try-get-value", null));

        var patch = Patch.Parse(diagnosis.Patch!).Value!;
        var fixedText = Patch.ApplyTo(CrashRepository.ServiceText, Assert.Single(patch.Files)).Value;
        Assert.StartsWith("diff --git a/src/Shop/OrderService.cs b/src/Shop/OrderService.cs\n", diagnosis.Patch, StringComparison.Ordinal);
        Assert.DoesNotContain("This handles missing ids", diagnosis.Patch, StringComparison.Ordinal);
        Assert.Equal(CrashRepository.ServiceText.Replace("        var order = _orders[id];\n", "        if (!_orders.TryGetValue(id, out var order))\n        {\n            return 0m;\n        }\n", StringComparison.Ordinal), fixedText);
    }

    private static Diagnosis Check(LlmReply reply)
    {
        using var repository = new CrashRepository();
        var before = repository.Snapshot();
        var diagnosis = ReplyChecker.Check(reply, CrashRepository.Context(CrashRepository.Event()), repository.Root, "llm/test");
        Assert.Equal(before, repository.Snapshot());
        return diagnosis;
    }
}
