using System.Globalization;
using System.Text;
using System.Text.Json;
using Heal.Core.Model;
using Heal.Pipeline;

namespace Heal.Cli.Commands;

/// <summary>How <c>heal fix</c> (and the demo) show a <see cref="HealResult"/>: one JSON object, or a short readable report.</summary>
public static class FixReport
{
    public static JsonSerializerOptions JsonOptions { get; } = new() { WriteIndented = true };

    public static string StatusText(HealStatus status) => status.ToString().ToLowerInvariant();

    public static Dictionary<string, object?> ToJson(HealResult result)
    {
        var diagnosis = result.Diagnosis;
        var report = result.Validation;
        return new Dictionary<string, object?>
        {
            ["status"] = StatusText(result.Status),
            ["message"] = result.Message,
            ["confidence"] = report?.Confidence ?? diagnosis?.Confidence ?? 0,
            ["rootCause"] = diagnosis?.RootCause,
            ["declineReason"] = diagnosis?.DeclineReason,
            ["diagnoser"] = diagnosis?.Diagnoser,
            ["fixKind"] = diagnosis?.FixKind,
            ["patch"] = diagnosis?.Patch,
            ["files"] = diagnosis?.Files.IsDefault == false ? diagnosis.Files : Array.Empty<string>(),
            ["allowedFiles"] = result.AllowedFiles,
            ["gates"] = report?.Gates.Select(g => new Dictionary<string, object?>
            {
                ["name"] = g.Name,
                ["passed"] = g.Passed,
                ["status"] = g.Status.ToString().ToLowerInvariant(),
                ["detail"] = g.Detail,
            }).ToList() ?? [],
            ["reasons"] = (report?.Reasons ?? diagnosis?.Reasons ?? []).Select(r => r.ToString()).ToList(),
            ["baseCommit"] = report?.BaseCommit is { Length: > 0 } commit ? commit : null,
            ["regressionTest"] = report?.RegressionTest,
            ["evidence"] = diagnosis is null ? [] : DiagnosisJson.Evidence(diagnosis),
            ["candidates"] = diagnosis is null ? [] : DiagnosisJson.Candidates(diagnosis),
            ["attempts"] = result.Attempts,
            ["branch"] = result.Delivery?.Branch,
            ["commit"] = result.Delivery?.Commit,
            ["pushed"] = result.Delivery?.Pushed ?? false,
            ["pullRequest"] = result.Delivery?.PullRequest is { } pr ? new Dictionary<string, object?> { ["number"] = pr.Number, ["url"] = pr.Url } : null,
            ["autoMerge"] = result.Delivery is { } d ? new Dictionary<string, object?> { ["enabled"] = d.AutoMergeEnabled, ["refusals"] = d.AutoMerge.Refusals } : null,
            ["bodyFile"] = result.Delivery?.BodyFile,
            ["timings"] = result.Timings.ToDictionary(t => t.Key, t => Math.Round(t.Value, 3)),
        };
    }

    public static string ToText(HealResult result)
    {
        var text = new StringBuilder();
        var diagnosis = result.Diagnosis;
        text.AppendLine(CultureInfo.InvariantCulture, $"Result: {StatusText(result.Status)} — {result.Message}");
        if (diagnosis is not null && diagnosis.Status == DiagnosisStatus.Diagnosed)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Root cause ({diagnosis.Diagnoser}): {diagnosis.RootCause}");
            text.AppendLine();
            text.Append(diagnosis.Patch);
            if (diagnosis.Patch?.EndsWith('\n') == false)
            {
                text.AppendLine();
            }
        }

        if (result.Validation?.RegressionTest is { } test)
        {
            text.AppendLine();
            text.AppendLine("Regression test (fails without the fix, passes with it; committed with the fix):");
            text.Append(test);
            if (!test.EndsWith('\n'))
            {
                text.AppendLine();
            }
        }

        if (result.Validation is { } report)
        {
            text.AppendLine();
            text.AppendLine("Validation:");
            foreach (var gate in report.Gates)
            {
                var mark = gate.Status switch
                {
                    GateStatus.Passed => "pass",
                    GateStatus.Failed => "FAIL",
                    _ => "skip",
                };
                text.AppendLine(CultureInfo.InvariantCulture, $"  {mark}  {gate.Name,-13} {gate.Detail}");
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"Confidence: {report.Confidence:0.00}");
        }

        if (result.Delivery is { } delivery)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Branch: {delivery.Branch} ({delivery.Commit[..Math.Min(12, delivery.Commit.Length)]}){(delivery.Pushed ? ", pushed" : ", local only")}");
            if (delivery.PullRequest is { } pr)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"Pull request: #{pr.Number} {pr.Url}");
            }

            text.AppendLine(delivery.AutoMergeEnabled ? "Auto-merge: enabled" : "Auto-merge: " + delivery.AutoMerge);
            if (delivery.BodyFile is not null)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"Pull-request body: {delivery.BodyFile}");
            }
        }

        text.AppendLine();
        text.AppendLine("Timings: " + string.Join(", ", result.Timings.Where(t => !t.Key.Contains('.')).Select(t => $"{t.Key} {t.Value:0.0}s")));
        return text.ToString();
    }
}
