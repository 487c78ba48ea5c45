using System.Globalization;
using System.Text;
using Heal.Core.Model;

namespace Heal.Delivery.Body;

/// <summary>
/// The pull request a reviewer can trust: the error, the root cause, the patch, the validation table, the
/// confidence with its reasons, and how to reproduce. Every string from the event is shown as code, never as
/// Markdown, so an event cannot mention people, link, or hide text.
/// </summary>
public static class PullRequestBody
{
    public static string Title(ErrorEvent errorEvent, Diagnosis diagnosis)
    {
        var exception = errorEvent.Culprit;
        var type = ShortType(exception?.Type ?? "error");
        var frame = exception?.ThrowingFrame?.Function;
        var where = frame is null ? string.Empty : " in " + Sanitize(BranchNaming.MethodName(frame), 60);
        return $"Heal: fix {Sanitize(type, 60)}{where} ({diagnosis.FixKind ?? "fix"})";
    }

    public static string Render(DeliveryContent content)
    {
        var errorEvent = content.Event;
        var exception = errorEvent.Culprit;
        var builder = new StringBuilder();
        builder.AppendLine("## Production error");
        builder.AppendLine();
        builder.AppendLine("| | |");
        builder.AppendLine("|---|---|");
        builder.AppendLine($"| Exception | {Markdown.Code(exception?.Type)} |");
        builder.AppendLine($"| Message | {Markdown.Code(exception?.Value ?? errorEvent.Message)} |");
        if (content.Group is { } group)
        {
            builder.AppendLine($"| Events | {group.Count.ToString(CultureInfo.InvariantCulture)} |");
            builder.AppendLine($"| First seen | {group.FirstSeen.UtcDateTime:yyyy-MM-dd HH:mm} UTC |");
            builder.AppendLine($"| Last seen | {group.LastSeen.UtcDateTime:yyyy-MM-dd HH:mm} UTC |");
            builder.AppendLine($"| Group | {Markdown.Code(group.Id)} |");
        }

        builder.AppendLine($"| Release | {Markdown.Code(errorEvent.Release)} |");
        builder.AppendLine($"| Environment | {Markdown.Code(errorEvent.Environment)} |");
        builder.AppendLine($"| Source | {Markdown.Code(content.Origin.Source)}{(content.Origin.Authenticated ? " (authenticated)" : " (unauthenticated)")} |");
        builder.AppendLine();
        var frames = exception?.Frames.IsDefaultOrEmpty == false ? exception.Frames.Reverse().Where(f => f.InApp != false).Take(10).ToList() : [];
        if (frames.Count > 0)
        {
            builder.AppendLine("Stack (throwing frame first, in-app frames):");
            builder.AppendLine();
            builder.AppendLine(Markdown.Block(string.Join('\n', frames.Select(f =>
                $"at {f.Function ?? "?"} in {f.File ?? f.AbsolutePath ?? "?"}:{f.Line?.ToString(CultureInfo.InvariantCulture) ?? "?"}")), "text"));
            builder.AppendLine();
        }

        builder.AppendLine("## Root cause");
        builder.AppendLine();
        builder.AppendLine(Markdown.Cell(content.Diagnosis.RootCause));
        builder.AppendLine();
        if (!content.Diagnosis.Evidence.IsDefaultOrEmpty)
        {
            foreach (var evidence in content.Diagnosis.Evidence)
            {
                builder.AppendLine($"- `{evidence.Path}:{evidence.Line}` ({Markdown.Cell(evidence.Role)}): {Markdown.Code(evidence.Source)}");
            }

            builder.AppendLine();
        }

        builder.AppendLine($"## The patch ({Markdown.Cell(content.Diagnosis.FixKind ?? "fix")}, by {Markdown.Cell(content.Diagnosis.Diagnoser)})");
        builder.AppendLine();
        builder.AppendLine(Markdown.Block(content.Patch, "diff"));
        builder.AppendLine();
        builder.AppendLine("## Validation");
        builder.AppendLine();
        builder.AppendLine($"Validated in an isolated git worktree at `{Short(content.Report.BaseCommit)}`.");
        builder.AppendLine();
        builder.AppendLine("| Gate | Result | Detail |");
        builder.AppendLine("|---|---|---|");
        foreach (var gate in content.Report.Gates)
        {
            var mark = gate.Status switch
            {
                GateStatus.Passed => "✅ passed",
                GateStatus.Failed => "❌ failed",
                _ => "➖ skipped",
            };
            builder.AppendLine($"| {gate.Name} | {mark} | {Markdown.Cell(gate.Detail)} |");
        }

        builder.AppendLine();
        builder.AppendLine($"## Confidence: {content.Report.Confidence:0.00}");
        builder.AppendLine();
        foreach (var reason in content.Report.Reasons)
        {
            builder.AppendLine($"- {(reason.Delta >= 0 ? "+" : "−")}{Math.Abs(reason.Delta):0.00} {Markdown.Cell(reason.Reason)}");
        }

        builder.AppendLine();
        builder.AppendLine($"Auto-merge: {(content.AutoMerge.Allowed ? "enabled (policy allows it)" : "not enabled — " + Markdown.Cell(string.Join("; ", content.AutoMerge.Refusals)))}.");
        builder.AppendLine();
        builder.AppendLine("## How to reproduce");
        builder.AppendLine();
        if (content.Report.RegressionTest is { } test)
        {
            builder.AppendLine("This regression test fails without the fix and passes with it (included in this branch):");
            builder.AppendLine();
            builder.AppendLine(Markdown.Block(test, "diff"));
        }
        else
        {
            builder.AppendLine("No regression test could be written from the captured event. To re-run Heal's validation locally:");
            builder.AppendLine();
            builder.AppendLine(Markdown.Block($"heal fix --repo . --event event-{errorEvent.Id}.json --offline", "bash"));
        }

        builder.AppendLine();
        builder.AppendLine("---");
        builder.AppendLine($"*Opened by Heal. Event `{Markdown.Cell(errorEvent.Id)}`. Review the change as you would any other: Heal proves it builds and passes the tests it can see, not that it is what you want.*");
        return builder.ToString();
    }

    public static string CommitMessage(ErrorEvent errorEvent, Diagnosis diagnosis, string? groupId)
    {
        var builder = new StringBuilder();
        builder.AppendLine(Title(errorEvent, diagnosis));
        builder.AppendLine();
        builder.AppendLine(Sanitize(diagnosis.RootCause, 600));
        builder.AppendLine();
        builder.AppendLine($"Heal-Event: {Sanitize(errorEvent.Id, 64)}");
        if (groupId is not null)
        {
            builder.AppendLine($"Heal-Group: {Sanitize(groupId, 64)}");
        }

        return builder.ToString();
    }

    private static string ShortType(string type) => type.Contains('.') ? type[(type.LastIndexOf('.') + 1)..] : type;

    private static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;

    private static string Sanitize(string text, int max)
    {
        var clean = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return clean.Length > max ? clean[..max] + "…" : clean;
    }
}
