using Heal.Core.Model;

namespace Heal.Cli.Commands;

/// <summary>
/// The <c>evidence</c> and <c>candidates</c> of a diagnosis as <c>heal diagnose --json</c> and <c>heal fix --json</c> print
/// them. Every evidence item has <c>kind</c>, <c>path</c>, <c>line</c> and <c>text</c>: the intent items first (kind <c>doc</c>,
/// <c>own-exit</c>, <c>test</c>…, with the <c>outcome</c> they name), then the frames and source lines (kind = their role,
/// also printed as <c>role</c> and <c>source</c> as before).
/// </summary>
public static class DiagnosisJson
{
    public static List<Dictionary<string, object?>> Evidence(Diagnosis diagnosis) =>
        [
            .. diagnosis.Intent.Select(Intent),
            .. diagnosis.Evidence.Select(e => new Dictionary<string, object?>
            {
                ["kind"] = e.Role,
                ["path"] = e.Path,
                ["line"] = e.Line,
                ["text"] = e.Source,
                ["role"] = e.Role,
                ["source"] = e.Source,
            }),
        ];

    public static List<Dictionary<string, object?>> Candidates(Diagnosis diagnosis) =>
        diagnosis.Candidates.Select(c => new Dictionary<string, object?>
        {
            ["fixKind"] = c.FixKind,
            ["summary"] = c.Summary,
            ["score"] = Math.Round(c.Score, 2),
            ["patch"] = c.Patch,
            ["evidence"] = c.Evidence.Select(Intent).ToList(),
        }).ToList();

    private static Dictionary<string, object?> Intent(IntentEvidence item) => new()
    {
        ["kind"] = item.Kind,
        ["path"] = item.Path,
        ["line"] = item.Line,
        ["text"] = item.Text,
        ["outcome"] = item.Outcome,
    };
}
