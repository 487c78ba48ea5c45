using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Heal.Core.Model;
using Heal.Core.Text;

namespace Heal.Delivery.Body;

/// <summary>
/// The pull request a reviewer can trust: the error, the root cause, the patch, the validation table, the
/// confidence with its reasons, and how to reproduce. Every string from the event is shown as code, never as
/// Markdown, so an event cannot mention people, link, or hide text.
/// </summary>
public static partial class PullRequestBody
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
        builder.AppendLine($"| Exception | {Markdown.Code(exception?.Type, inTable: true)} |");
        builder.AppendLine($"| Message | {Markdown.Code(exception?.Value ?? errorEvent.Message, inTable: true)} |");
        if (content.Group is { } group)
        {
            builder.AppendLine($"| Events | {group.Count.ToString(CultureInfo.InvariantCulture)} |");
            builder.AppendLine($"| First seen | {group.FirstSeen.UtcDateTime:yyyy-MM-dd HH:mm} UTC |");
            builder.AppendLine($"| Last seen | {group.LastSeen.UtcDateTime:yyyy-MM-dd HH:mm} UTC |");
            builder.AppendLine($"| Group | {Markdown.Code(group.Id, inTable: true)} |");
        }

        builder.AppendLine($"| Release | {Markdown.Code(errorEvent.Release, inTable: true)} |");
        builder.AppendLine($"| Environment | {Markdown.Code(errorEvent.Environment, inTable: true)} |");
        builder.AppendLine($"| Source | {Markdown.Code(content.Origin.Source, inTable: true)}{(content.Origin.Authenticated ? " (authenticated)" : " (unauthenticated)")} |");
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
        builder.AppendLine(Markdown.Text(content.Diagnosis.RootCause));
        builder.AppendLine();
        if (!content.Diagnosis.Evidence.IsDefaultOrEmpty)
        {
            foreach (var evidence in content.Diagnosis.Evidence)
            {
                builder.AppendLine($"- {Markdown.Code($"{evidence.Path}:{evidence.Line}")} ({Markdown.Text(evidence.Role)}): {Markdown.Code(evidence.Source)}");
            }

            builder.AppendLine();
        }

        builder.AppendLine($"## The patch ({Markdown.Text(content.Diagnosis.FixKind ?? "fix")}, by {Markdown.Text(content.Diagnosis.Diagnoser)})");
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
            builder.AppendLine($"| {Markdown.Text(gate.Name, inTable: true)} | {mark} | {Markdown.Text(gate.Detail, inTable: true)} |");
        }

        builder.AppendLine();
        builder.AppendLine($"## Confidence: {content.Report.Confidence:0.00}");
        builder.AppendLine();
        foreach (var reason in content.Report.Reasons)
        {
            builder.AppendLine($"- {(reason.Delta >= 0 ? "+" : "−")}{Math.Abs(reason.Delta):0.00} {Markdown.Text(reason.Reason)}");
        }

        builder.AppendLine();
        builder.AppendLine($"Auto-merge: {(content.AutoMerge.Allowed ? "enabled (policy allows it)" : "not enabled — " + Markdown.Text(string.Join("; ", content.AutoMerge.Refusals)))}.");
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
            builder.AppendLine(Markdown.Block($"heal fix --repo . --event event-{FileNamePart(errorEvent.Id)}.json --offline", "bash"));
        }

        builder.AppendLine();
        builder.AppendLine("---");
        builder.AppendLine($"*Opened by Heal. Event {Markdown.Code(errorEvent.Id)}. Review the change as you would any other: Heal proves it builds and passes the tests it can see, not that it is what you want.*");
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

    /// <summary>
    /// Text for a title or a commit message: one line, invisible characters visible, and no issue reference GitHub would
    /// act on (<c>Fixes #12</c> in a commit closes issue 12 when it lands), so <c>#</c> before a digit gets a space.
    /// </summary>
    private static string Sanitize(string text, int max)
    {
        var clean = IssueReference().Replace(VisibleText.Escape(text.ReplaceLineEndings(" ").Replace('\t', ' ')).Trim(), "# $1");
        return clean.Length > max ? clean[..max] + "…" : clean;
    }

    /// <summary>Only letters, digits and dashes of an id, for a file name in a command a reviewer may copy.</summary>
    private static string FileNamePart(string id)
    {
        var clean = new string(id.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').Take(64).ToArray());
        return clean.Length == 0 ? "event" : clean;
    }

    [GeneratedRegex(@"#(\d)")]
    private static partial Regex IssueReference();
}
